import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router-dom';
import { getCsrfToken } from '../api/client';
import { SessionProvider } from '../auth/SessionContext';
import { AppProviders } from '../components/AppProviders';
import { jsonResponse } from '../test/render';
import { JoinPage } from './JoinPage';

const fetchMock = vi.fn<typeof fetch>();

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderJoin(address: string) {
  window.history.replaceState(null, '', address);
  return render(
    <AppProviders>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route path="/join" element={<JoinPage />} />
            <Route path="*" element={<Where />} />
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </AppProviders>,
  );
}

const orgLeadSession = {
  user: { id: 9, display_name: '山田 花子', login: null, kind: 'person', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'org_lead', organisation_id: 7, person_id: 12 }],
  csrf_token: 'csrf-join',
};

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('JoinPage', () => {
  it('posts the token from the hash, removes it from the address and opens the organisation', async () => {
    fetchMock.mockImplementation((url) =>
      Promise.resolve(
        String(url) === '/api/auth/join'
          ? jsonResponse(200, orgLeadSession)
          : jsonResponse(401, { error: { code: 'unauthenticated', message: 'no session' } }),
      ),
    );
    renderJoin('/join#tok_en-123');

    expect(await screen.findByTestId('where')).toHaveTextContent('/exercises/1/organisations/7');
    expect(window.location.hash).toBe('');
    const joinCall = fetchMock.mock.calls.find(([url]) => String(url) === '/api/auth/join');
    expect(JSON.parse(String(joinCall?.[1]?.body))).toEqual({ token: 'tok_en-123' });
    expect((joinCall?.[1]?.headers as Record<string, string>)['X-Requested-With']).toBe('enshu');
    expect(getCsrfToken()).toBe('csrf-join');
  });

  it('explains an expired or revoked link', async () => {
    fetchMock.mockImplementation(() =>
      Promise.resolve(jsonResponse(401, { error: { code: 'unauthenticated', message: 'join link expired' } })),
    );
    renderJoin('/join#old-token');
    expect(await screen.findByText(/この参加用リンクは無効です/)).toBeInTheDocument();
    expect(window.location.hash).toBe('');
  });

  it('says so when the link has no token, without calling join', async () => {
    fetchMock.mockImplementation(() =>
      Promise.resolve(jsonResponse(401, { error: { code: 'unauthenticated', message: '' } })),
    );
    renderJoin('/join');
    expect(await screen.findByText(/参加用トークンが含まれていません/)).toBeInTheDocument();
    await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => String(url) === '/api/auth/join')).toBe(false));
  });
});
