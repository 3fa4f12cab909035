import { describe, expect, it } from 'vitest';
import type { MediaItem, Statement } from '../api/prTypes';
import {
  compactCount,
  emptyFeed,
  engagementAt,
  engagementNow,
  feedReducer,
  filterStatements,
  mergeOrganisations,
  organisationsOf,
} from './feedState';

function statement(id: number, overrides: Partial<Statement> = {}): Statement {
  return {
    id,
    organisation_id: 1,
    organisation_name: 'デモ電力A',
    sector_code: 'electricity',
    participation_mode: 'venue',
    state: 'published',
    title: `title ${id}`,
    body: 'body',
    attachment: null,
    author_name: 'A',
    revision: 1,
    created_at: '',
    updated_at: '',
    published_at: '',
    published_at_us: id * 1000,
    published_scenario_time: null,
    withdrawn_at: null,
    withdrawn_at_us: null,
    withdrawn_scenario_time: null,
    revisions: [],
    ...overrides,
  };
}

function media(id: number): MediaItem {
  return {
    id,
    persona: { id: 1, name: '東京ニュース', handle: '@tokyo', kind: 'news', verified: true, initials: '東京', avatar: null },
    channel: 'social',
    text: '#停電',
    hashtags: ['停電'],
    image: null,
    base_engagement: 100,
    state: 'published',
    hidden: false,
    scheduled_scenario_time: null,
    scheduled_minutes: null,
    published_at: '',
    published_at_us: id * 1000,
    published_scenario_time: null,
    engagement: { likes: 1, shares: 0, replies: 0, views: 10 },
  };
}

const event = (type: string, payload: unknown, seq = 1) => ({ type, payload, seq, released_at_us: 0 });

describe('feedReducer', () => {
  it('adds published statements newest first and replaces updates in place', () => {
    let state = feedReducer(emptyFeed, { type: 'statementsLoaded', statements: [statement(1), statement(3)] });
    state = feedReducer(state, { type: 'event', event: event('statement.published', { statement: statement(2) }), at: 0 });
    expect(state.statements.map((s) => s.id)).toEqual([3, 2, 1]);
    state = feedReducer(state, {
      type: 'event',
      event: event('statement.updated', { statement: statement(2, { title: 'second report', revision: 2 }) }),
      at: 0,
    });
    expect(state.statements).toHaveLength(3);
    expect(state.statements[1]?.title).toBe('second report');
  });

  it('turns a withdrawn statement into its tombstone', () => {
    let state = feedReducer(emptyFeed, { type: 'statementsLoaded', statements: [statement(1)] });
    state = feedReducer(state, {
      type: 'event',
      event: event('statement.withdrawn', { statement: statement(1, { state: 'withdrawn', title: null, body: null }) }),
      at: 0,
    });
    expect(state.statements[0]?.state).toBe('withdrawn');
    expect(state.statements[0]?.title).toBeNull();
  });

  it('shows published media items and drops hidden ones live', () => {
    let state = feedReducer(emptyFeed, { type: 'mediaLoaded', media: [media(1), { ...media(5), state: 'scheduled' }], at: 0 });
    expect(state.media.map((m) => m.id)).toEqual([1]);
    state = feedReducer(state, { type: 'event', event: event('media.published', { item: media(2) }), at: 0 });
    expect(state.media.map((m) => m.id)).toEqual([2, 1]);
    state = feedReducer(state, { type: 'event', event: event('media.hidden', { id: 2 }), at: 0 });
    expect(state.media.map((m) => m.id)).toEqual([1]);
    state = feedReducer(state, { type: 'event', event: event('inject.released', {}), at: 0 });
    expect(state.media.map((m) => m.id)).toEqual([1]);
  });

  it('keeps scheduled posts apart, soonest first, until they are published', () => {
    const later = { ...media(7), state: 'scheduled' as const, scheduled_minutes: 600 };
    const sooner = { ...media(8), state: 'scheduled' as const, scheduled_minutes: 570 };
    let state = feedReducer(emptyFeed, { type: 'mediaLoaded', media: [later], at: 0 });
    state = feedReducer(state, { type: 'event', event: event('media.scheduled', { item: sooner }), at: 0 });
    expect(state.scheduled.map((m) => m.id)).toEqual([8, 7]);
    state = feedReducer(state, { type: 'event', event: event('media.published', { item: { ...sooner, state: 'published' } }), at: 0 });
    expect(state.scheduled.map((m) => m.id)).toEqual([7]);
    expect(state.media.map((m) => m.id)).toEqual([8]);
  });
});

describe('engagement', () => {
  const curve = { level: 1000, share_ratio: 0.2, reply_ratio: 0.1, tau_minutes: 30, elapsed_minutes: 30, minutes_per_second: 0.5 };
  it('follows the server formula', () => {
    const level = 1000 * (1 - Math.exp(-1));
    expect(engagementAt(curve, 30)).toEqual({
      likes: Math.floor(level),
      shares: Math.floor(level * 0.2),
      replies: Math.floor(level * 0.1),
      views: Math.floor(level * 14 + 1),
    });
    expect(engagementAt(curve, -3).likes).toBe(0);
  });
  it('ticks on from the time of receipt at the clock rate and never goes below the answer', () => {
    const item = { ...media(3), engagement: engagementAt(curve, 30), engagement_curve: curve, received_at_ms: 10_000 };
    expect(engagementNow(item, 10_000)).toEqual(item.engagement);
    // 20 s later at 0.5 scenario minutes per second: 40 scenario minutes elapsed.
    expect(engagementNow(item, 30_000)).toEqual(engagementAt(curve, 40));
    expect(engagementNow({ ...item, engagement_curve: { ...curve, minutes_per_second: 0 } }, 90_000)).toEqual(item.engagement);
    expect(engagementNow({ ...item, engagement_curve: undefined }, 90_000)).toEqual(item.engagement);
  });
});

describe('filters', () => {
  const statements = [
    statement(1),
    statement(2, { organisation_id: 2, organisation_name: 'デモ銀行B', sector_code: 'finance' }),
    statement(3, { state: 'draft' }),
  ];
  it('filters by sector and organisation and never shows drafts', () => {
    expect(filterStatements(statements, { sector: '', organisationId: null }).map((s) => s.id)).toEqual([1, 2]);
    expect(filterStatements(statements, { sector: 'finance', organisationId: null }).map((s) => s.id)).toEqual([2]);
    expect(filterStatements(statements, { sector: '', organisationId: 1 }).map((s) => s.id)).toEqual([1]);
  });
  it('lists the organisations of the feed once each', () => {
    expect(organisationsOf(statements).map((o) => o.id).sort()).toEqual([1, 2]);
  });
  it('merges the organisations seen so far', () => {
    const merged = mergeOrganisations([{ id: 2, name: 'B' }], [{ id: 1, name: 'A' }, { id: 2, name: 'B' }]);
    expect(merged).toEqual([{ id: 1, name: 'A' }, { id: 2, name: 'B' }]);
  });
  it('formats counts compactly', () => {
    expect(compactCount(12345, 'en')).toBe('12.3K');
    expect(compactCount(999, 'ja')).toBe('999');
  });
});
