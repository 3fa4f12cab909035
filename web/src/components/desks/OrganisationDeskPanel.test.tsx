import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail, CaseMessage, DeskCase } from '../../api/deskTypes';
import { useOrganisationDesk } from '../../desks/useOrganisationDesk';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { useEffect } from 'react';
import { OrganisationDeskPanel } from './OrganisationDeskPanel';

const deskCase: DeskCase = {
  id: 41,
  kind: 'inquiry',
  desk: { id: 1, kind: 'agency', code: 'ipa', name: { ja: 'IPA', en: 'IPA' } },
  organisation: { id: 7, name: 'デモ電力A', sector_code: 'electricity', ministry_code: 'meti' },
  report_id: null,
  incident_id: null,
  stage: null,
  recipient_code: null,
  delivery_order: 0,
  category: 'consultation',
  urgency: 'high',
  subject: 'ランサムウェアの相談',
  contact_name: '',
  contact_detail: '',
  state: 'new',
  assignee: null,
  first_reply_at: null,
  first_reply_at_us: null,
  updated_at: '',
  message_count: 1,
  created_at: '2023-12-07T04:00:00.000Z',
  created_at_us: 1_701_921_600_000_000,
  created_scenario_time: 'D1 13:00',
};

function message(id: number, kind: CaseMessage['kind'], body: string): CaseMessage {
  return {
    id,
    case_id: 41,
    kind,
    from: kind === 'inbound' ? 'organisation' : 'desk',
    author: kind === 'inbound' ? '山田' : 'IPA 担当',
    body,
    wall_at: '2023-12-07T04:00:00.000Z',
    wall_at_us: 1_701_921_600_000_000,
    wall_scenario_time: 'D1 13:00',
    attachment: null,
  };
}

const detail: CaseDetail = { ...deskCase, messages: [message(1, 'inbound', '<b>助言</b>をお願いします')], report: null, templates: [] };

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation((url, init) => {
    const path = String(url).split('?')[0];
    const method = init?.method ?? 'GET';
    if (path === '/api/exercises/1/cases') return Promise.resolve(jsonResponse(200, { items: [deskCase], total: 1, page: 1, page_size: 200 }));
    if (path === '/api/exercises/1/cases/41' && method === 'GET') return Promise.resolve(jsonResponse(200, detail));
    if (path === '/api/exercises/1/cases/41/actions' && method === 'POST') {
      const body = JSON.parse(String(init?.body)) as { action: string; body: string };
      return Promise.resolve(
        jsonResponse(200, { ...detail, state: 'claimed', messages: [...detail.messages, message(3, 'inbound', body.body)] }),
      );
    }
    return Promise.resolve(jsonResponse(404, { error: { code: 'not_found', message: '' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

let feed: ReturnType<typeof useOrganisationDesk> | null = null;

function Harness() {
  const desk = useOrganisationDesk(1);
  feed = desk;
  const reload = desk.reload;
  useEffect(() => reload(), [reload]);
  return <OrganisationDeskPanel exerciseId={1} organisationId={7} desk={desk} />;
}

describe('OrganisationDeskPanel', () => {
  it('shows a reply that arrives live in the open thread, as text, and sends an answer', async () => {
    renderWithProviders(<Harness />);
    const item = await screen.findByTestId('organisation-case');
    expect(within(item).getByText('ランサムウェアの相談')).toBeInTheDocument();
    expect(within(item).getByTestId('case-state')).toHaveTextContent('新規');
    await userEvent.click(within(item).getByRole('button', { name: '開く' }));
    // Markup in a message is shown as text.
    expect(await screen.findByText('<b>助言</b>をお願いします')).toBeInTheDocument();

    const reply = message(2, 'reply', 'ネットワークから切り離してください');
    act(() => {
      const consumed = feed!.onEvent({
        seq: 9,
        type: 'case.message',
        released_at_us: 0,
        payload: { case: { ...deskCase, state: 'answered', message_count: 2 }, message: reply },
      });
      expect(consumed).toBe(true);
    });
    expect(await screen.findByText('ネットワークから切り離してください')).toBeInTheDocument();
    expect(within(screen.getByTestId('organisation-case')).getByTestId('case-state')).toHaveTextContent('回答済み');
    // Other events are left to the console.
    expect(feed!.onEvent({ seq: 10, type: 'broadcast', released_at_us: 0, payload: {} })).toBe(false);

    await userEvent.type(screen.getByLabelText('返信'), '承知しました');
    await userEvent.click(screen.getByRole('button', { name: '送信' }));
    expect(await screen.findByText('承知しました')).toBeInTheDocument();
    const posted = fetchMock.mock.calls.find(([url, init]) => String(url).endsWith('/cases/41/actions') && init?.method === 'POST');
    expect(JSON.parse(String(posted?.[1]?.body))).toEqual({ action: 'inbound', body: '承知しました' });
  });

  it('shows a supply-chain notice received live', async () => {
    renderWithProviders(<Harness />);
    await screen.findByTestId('organisation-case');
    act(() => {
      feed!.onEvent({
        seq: 11,
        type: 'partner.notice',
        released_at_us: 0,
        payload: {
          notice: {
            id: 3,
            from: { id: 9, name: 'デモ通信C' },
            to: [{ id: 7, name: 'デモ電力A' }],
            subject: '回線障害',
            body: '復旧見込み 15:00',
            created_at: '2023-12-07T04:00:00.000Z',
            created_scenario_time: null,
          },
        },
      });
    });
    expect(await screen.findByTestId('partner-notice-alert')).toHaveTextContent('デモ通信C からの通知: 回線障害');
  });
});
