// Types of the PR site and media routes (docs/api.md "PR site and media").

export interface Attachment {
  id: number;
  filename: string;
  content_type: string;
  size_bytes: number;
  visibility: 'owner' | 'exercise';
  organisation_id: number | null;
  created_at: string;
  url: string;
}

export interface StatementRevision {
  revision: number;
  title: string;
  body: string;
  attachment: Attachment | null;
  author_name: string;
  published_at: string | null;
  published_at_us: number | null;
  published_scenario_time: string | null;
}

export type StatementState = 'draft' | 'published' | 'withdrawn';

// A withdrawn statement seen from outside its organisation is a tombstone: title,
// body, attachment and author are null and revisions empty.
export interface Statement {
  id: number;
  organisation_id: number;
  organisation_name: string;
  sector_code: string;
  participation_mode: string;
  state: StatementState;
  title: string | null;
  body: string | null;
  attachment: Attachment | null;
  author_name: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  published_at_us: number | null;
  published_scenario_time: string | null;
  withdrawn_at: string | null;
  withdrawn_at_us: number | null;
  withdrawn_scenario_time: string | null;
  revisions: StatementRevision[];
}

export interface StatementInput {
  title: string;
  body: string;
  attachment_id: number | null;
}

export interface Persona {
  id: number;
  name: string;
  handle: string;
  kind: 'news' | 'citizen' | 'vendor' | 'official';
  verified: boolean;
  initials: string;
  avatar: Attachment | null;
}

export interface Engagement {
  likes: number;
  shares: number;
  replies: number;
  views: number;
}

// The curve behind the counts (world/media_model.hpp), so that they keep moving between reads.
export interface EngagementCurve {
  level: number;
  share_ratio: number;
  reply_ratio: number;
  tau_minutes: number;
  elapsed_minutes: number;
  minutes_per_second: number;
}

export interface MediaItem {
  id: number;
  persona: Persona;
  channel: 'press' | 'social';
  text: string;
  hashtags: string[];
  image: Attachment | null;
  base_engagement: number;
  state: 'scheduled' | 'published';
  hidden: boolean;
  scheduled_scenario_time: string | null;
  scheduled_minutes: number | null;
  published_at: string | null;
  published_at_us: number | null;
  published_scenario_time: string | null;
  engagement: Engagement;
  engagement_curve?: EngagementCurve;
  // Set by the feed state: when the browser received this version (ms since the epoch).
  received_at_ms?: number;
}

export interface MediaFeed {
  items: MediaItem[];
  now_us: number;
  scenario_time_now: string | null;
}

export interface HashtagTrend {
  tag: string;
  count: number;
}

export interface MediaItemInput {
  persona_id: number;
  channel: 'press' | 'social';
  text: string;
  at: string | null;
  base_engagement?: number;
  image_attachment_id?: number | null;
}

export interface StatementMetrics {
  trigger: { inject_id: string; scenario_minutes: number; released_at_us: number } | null;
  organisations_posted: number;
  organisations_total: number;
  by_mode: { mode: string; posted: number; total: number }[];
  organisations: {
    organisation_id: number;
    name: string;
    sector_code: string;
    participation_mode: string;
    statements: number;
    first_published_at_us: number | null;
    scenario_minutes_from_trigger: number | null;
    wall_minutes_from_trigger: number | null;
  }[];
}
