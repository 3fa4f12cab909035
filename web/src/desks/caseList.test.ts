import { describe, expect, it } from 'vitest';
import type { CaseDetail, DeskCase } from '../api/deskTypes';
import { appendMessage, casePayload, formatWaiting, matchesFilter, sortCases, upsertCase } from './caseList';

function deskCase(id: number, createdUs: number, order = 0, patch: Partial<DeskCase> = {}): DeskCase {
  return {
    id,
    kind: 'inquiry',
    desk: { id: 1, kind: 'agency', code: 'ipa', name: { ja: 'IPA', en: 'IPA' } },
    organisation: { id: 7, name: 'デモ電力A', sector_code: 'electricity', ministry_code: 'meti' },
    report_id: null,
    incident_id: null,
    stage: null,
    recipient_code: null,
    delivery_order: order,
    category: 'consultation',
    urgency: 'normal',
    subject: `件名 ${id}`,
    contact_name: '',
    contact_detail: '',
    state: 'new',
    assignee: null,
    first_reply_at: null,
    first_reply_at_us: null,
    updated_at: '',
    message_count: 1,
    created_at: '',
    created_at_us: createdUs,
    created_scenario_time: null,
    ...patch,
  };
}

describe('case lists', () => {
  it('orders oldest first, then by delivery order', () => {
    const sorted = sortCases([deskCase(3, 10, 2), deskCase(1, 20), deskCase(2, 10, 1)]);
    expect(sorted.map((item) => item.id)).toEqual([2, 3, 1]);
  });

  it('replaces a case by id when it changes', () => {
    const list = upsertCase([deskCase(1, 10), deskCase(2, 20)], deskCase(1, 10, 0, { state: 'answered' }));
    expect(list).toHaveLength(2);
    expect(list[0]?.state).toBe('answered');
  });

  it('reads case events and ignores others', () => {
    const payload = { case: deskCase(5, 1), message: null };
    expect(casePayload({ seq: 1, type: 'case.updated', released_at_us: 0, payload })?.case.id).toBe(5);
    expect(casePayload({ seq: 2, type: 'broadcast', released_at_us: 0, payload })).toBeNull();
    expect(casePayload({ seq: 3, type: 'case.created', released_at_us: 0, payload: {} })).toBeNull();
  });

  it('appends a live message once to the open case', () => {
    const detail: CaseDetail = { ...deskCase(1, 10), messages: [], report: null, templates: [] };
    const message = {
      id: 9,
      case_id: 1,
      kind: 'reply' as const,
      from: 'desk' as const,
      author: '統制',
      body: '回答',
      wall_at: '',
      wall_at_us: 0,
      wall_scenario_time: null,
      attachment: null,
    };
    const once = appendMessage(detail, deskCase(1, 10, 0, { state: 'answered' }), message);
    const twice = appendMessage(once, deskCase(1, 10, 0, { state: 'answered' }), message);
    expect(twice.messages).toHaveLength(1);
    expect(twice.state).toBe('answered');
    expect(appendMessage(detail, deskCase(2, 10), message)).toBe(detail);
  });

  it('formats the waiting clock', () => {
    expect(formatWaiting(0, 65_000_000)).toBe('1:05');
    expect(formatWaiting(0, 3_725_000_000)).toBe('1:02:05');
    expect(formatWaiting(10, 0)).toBe('0:00');
  });

  it('applies the queue filters to live cases', () => {
    const item = deskCase(1, 10, 0, { state: 'closed' });
    expect(matchesFilter(item, { state: 'open' })).toBe(false);
    expect(matchesFilter(item, { state: 'closed', desk_id: 1 })).toBe(true);
    expect(matchesFilter(item, { desk_id: 2 })).toBe(false);
    expect(matchesFilter(item, {}, () => false)).toBe(false);
  });
});
