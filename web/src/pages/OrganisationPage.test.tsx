import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Organisation, Person, Session } from '../api/types';
import { jsonResponse, renderWithProviders } from '../test/render';
import { OrganisationPage } from './OrganisationPage';

const organisation: Organisation = {
  id: 7,
  exercise_id: 1,
  external_ref: 'E-0007',
  name: 'デモ電力株式会社',
  name_kana: 'デモデンリョク',
  name_en: 'Demo Power Co.',
  sector_code: 'electricity',
  ministry_code: 'meti',
  size_band: 'large',
  region: 'JP-13',
  participation_mode: 'venue',
  people_count: 1,
  created_at: '2023-08-01T00:00:00.000Z',
  updated_at: '2023-08-01T00:00:00.000Z',
};
const lead: Person = {
  id: 12,
  organisation_id: 7,
  role: 'org_lead',
  display_name: '山田 花子',
  email: 'hanako@example.jp',
  phone: '',
  department: '情報システム部',
  is_contact: true,
  team_roles: [],
  join_link: { status: 'active', expires_at: '2024-02-01T00:00:00.000Z', last_used_at: null },
};
const orgLead: Session = {
  user: { id: 3, display_name: '山田 花子', login: null, kind: 'person', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'org_lead', organisation_id: 7, person_id: 12 }],
  csrf_token: 'csrf',
};
const controller: Session = {
  user: { id: 4, display_name: '管制 次郎', login: 'controller', kind: 'staff', is_admin: false },
  memberships: [{ exercise_id: 1, role: 'controller' }],
  csrf_token: 'csrf',
};

const fetchMock = vi.fn<typeof fetch>();
let people: Person[] = [];

beforeEach(() => {
  people = [lead];
  fetchMock.mockReset();
  fetchMock.mockImplementation((url, init) => {
    const path = String(url).split('?')[0];
    if (path === '/api/reference') return Promise.resolve(jsonResponse(200, { ministries: [], sectors: [], regions: [] }));
    if (path === '/api/exercises/1/organisations/7') return Promise.resolve(jsonResponse(200, organisation));
    if (path === '/api/exercises/1/organisations/7/people' && init?.method === 'POST') {
      const input = JSON.parse(String(init.body)) as Partial<Person>;
      const person: Person = { ...lead, id: 13, role: 'participant', display_name: input.display_name ?? '', email: input.email ?? '', is_contact: false };
      people = [...people, person];
      return Promise.resolve(
        jsonResponse(201, { person, join_url: 'http://localhost:8080/join#secret-token', expires_at: '2024-02-01T00:00:00.000Z' }),
      );
    }
    if (path === '/api/exercises/1/organisations/7/people') return Promise.resolve(jsonResponse(200, { items: people }));
    return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderPage(session: Session, path = '/exercises/1/organisations/7') {
  return renderWithProviders(
    <Routes>
      <Route path="/exercises/:exerciseId/organisations/:organisationId" element={<OrganisationPage session={session} />} />
    </Routes>,
    path,
  );
}

describe('OrganisationPage', () => {
  it('lets the org lead invite a member and shows the join URL once', async () => {
    renderPage(orgLead);
    expect(await screen.findByRole('heading', { level: 1, name: 'デモ電力株式会社' })).toBeInTheDocument();
    const members = await screen.findByRole('table', { name: 'メンバーの一覧' });
    expect(await within(members).findByText('山田 花子')).toBeInTheDocument();
    expect(within(members).getByText('有効')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '編集' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'メンバーを招待' }));
    const dialog = await screen.findByRole('dialog', { name: 'メンバーの招待' });
    await userEvent.type(within(dialog).getByLabelText('氏名'), '佐藤 一郎');
    await userEvent.type(within(dialog).getByLabelText('メールアドレス'), 'ichiro@example.jp');
    await userEvent.click(within(dialog).getByRole('button', { name: '招待する' }));

    const issued = await screen.findByRole('dialog', { name: '参加用リンクを発行しました' });
    expect(within(issued).getByLabelText('参加用リンク')).toHaveValue('http://localhost:8080/join#secret-token');
    expect(within(issued).getByRole('button', { name: 'コピー' })).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({ display_name: '佐藤 一郎', email: 'ichiro@example.jp', role: 'participant' });
    expect(await within(members).findByText('佐藤 一郎')).toBeInTheDocument();

    await userEvent.click(within(issued).getAllByRole('button', { name: '閉じる' })[0]!);
    expect(screen.queryByDisplayValue('http://localhost:8080/join#secret-token')).toBeNull();
  });

  it('shows a controller the details but neither people nor edit controls', async () => {
    renderPage(controller);
    expect(await screen.findByRole('heading', { level: 1, name: 'デモ電力株式会社' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '編集' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'メンバーの一覧' })).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/people'))).toBe(false);
  });

  it('shows not found for an organisation outside the caller scope', async () => {
    renderPage(orgLead, '/exercises/1/organisations/8');
    expect(await screen.findByText('見つかりません')).toBeInTheDocument();
  });
});
