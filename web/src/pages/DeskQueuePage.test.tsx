import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail, DeskCase } from '../api/deskTypes';
import type { Session } from '../api/types';
import type { EventSourceLike } from '../live/streamConnection';
import { FakeEventSource } from '../test/fakeEventSource';
import { jsonResponse, renderWithProviders } from '../test/render';
import { DeskQueuePage } from './DeskQueuePage';

// The queue opens its own stream through the browser's EventSource: a fake stands in.
vi.mock('../live/useEventStream', async () => {
  const { StreamConnection } = await import('../live/streamConnection');
  const { useEffect } = await import('react');
  return {
    useEventStream: (url: string | null, handlers: { onEvent: (e: unknown) => void; onReconnected: () => void }) => {
      useEffect(() => {
        if (!url) return;
        const connection = new StreamConnection(
          url,
          { onEvent: (e) => handlers.onEvent(e), onReconnected: () => handlers.onReconnected(), onStatus: () => undefined },
          (u: string) => new FakeEventSource(u) as unknown as EventSourceLike,
        );
        connection.start();
        return () => connection.stop();
      }, [url]);
      return 'live';
    },
  };
});

const controller: Session = {
  user: { id: 3, display_name: '統制 一郎', login: 'controller', kind: 'staff', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'controller' }],
  csrf_token: 'csrf',
};

function deskCase(id: number, subject: string, patch: Partial<DeskCase> = {}): DeskCase {
  return {
    id,
    kind: 'inquiry',
    desk: { id: 1, kind: 'agency', code: 'ipa', name: { ja: 'IPA', en: 'IPA' } },
    organisation: { id: 7, name: 'デモ電力A', sector_code: 'electricity', ministry_code: 'meti' },
    report_id: null,
    incident_id: null,
    stage: null,
    recipient_code: null,
    delivery_order: 0,
    category: 'consultation',
    urgency: 'normal',
    subject,
    contact_name: '',
    contact_detail: '',
    state: 'new',
    assignee: null,
    first_reply_at: null,
    first_reply_at_us: null,
    updated_at: '',
    message_count: 1,
    created_at: '',
    created_at_us: Date.now() * 1000 - 125_000_000,
    created_scenario_time: null,
    ...patch,
  };
}

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  FakeEventSource.instances = [];
  fetchMock.mockReset();
  fetchMock.mockImplementation((url, init) => {
    const path = String(url).split('?')[0];
    const method = init?.method ?? 'GET';
    if (path === '/api/reference') return Promise.resolve(jsonResponse(200, { ministries: [], sectors: [], regions: [], objectives: [] }));
    if (path === '/api/exercises/1/desks') return Promise.resolve(jsonResponse(200, { items: [] }));
    if (path === '/api/exercises/1/desk-staff') return Promise.resolve(jsonResponse(200, { items: [] }));
    if (path === '/api/exercises/1/reporting-config') return Promise.resolve(jsonResponse(200, { recipients: [], fields: [] }));
    if (path === '/api/exercises/1/cases') {
      return Promise.resolve(jsonResponse(200, { items: [deskCase(1, '最初の相談')], total: 1, page: 1, page_size: 200 }));
    }
    if (path === '/api/exercises/1/cases/bulk-reply' && method === 'POST') {
      return Promise.resolve(jsonResponse(200, { items: [deskCase(1, '最初の相談', { state: 'answered' })] }));
    }
    if (path === '/api/exercises/1/cases/1') {
      const detail: CaseDetail = { ...deskCase(1, '最初の相談'), messages: [], report: null, templates: [] };
      return Promise.resolve(jsonResponse(200, detail));
    }
    return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderQueue() {
  return renderWithProviders(
    <Routes>
      <Route path="/exercises/:exerciseId/queue" element={<DeskQueuePage session={controller} />} />
    </Routes>,
    '/exercises/1/queue',
  );
}

describe('DeskQueuePage', () => {
  it('lists open cases with a waiting clock, inserts new ones live and drops closed ones', async () => {
    renderQueue();
    const first = await screen.findByTestId('queue-row-1');
    expect(within(first).getByTestId('waiting-clock').textContent).toMatch(/^2:0\d$/);
    const source = FakeEventSource.instances[0]!;
    act(() => source.open());
    act(() => source.emit('case.created', { seq: 1, type: 'case.created', released_at_us: 0, payload: { case: deskCase(2, '新しい相談'), message: null } }));
    expect(await screen.findByTestId('queue-row-2')).toHaveTextContent('新しい相談');
    // Closed cases leave the default "open" view.
    act(() =>
      source.emit('case.updated', {
        seq: 2,
        type: 'case.updated',
        released_at_us: 0,
        payload: { case: deskCase(2, '新しい相談', { state: 'closed' }), message: null },
      }),
    );
    expect(screen.queryByTestId('queue-row-2')).not.toBeInTheDocument();
  });

  it('sends one reply to the selected cases', async () => {
    renderQueue();
    const row = await screen.findByTestId('queue-row-1');
    await userEvent.click(within(row).getByRole('checkbox'));
    await userEvent.type(screen.getByLabelText('一括回答の本文'), '注意喚起を公開しました');
    await userEvent.click(screen.getByRole('button', { name: '一括回答' }));
    const posted = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/cases/bulk-reply'));
    expect(JSON.parse(String(posted?.[1]?.body))).toEqual({ case_ids: [1], body: '注意喚起を公開しました' });
    expect(await within(await screen.findByTestId('queue-row-1')).findByText('回答済み')).toBeInTheDocument();
  });
});
