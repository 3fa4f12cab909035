// Types of the world-desk routes (docs/api.md "Desks, cases and incident reports").
import type { LocalisedText } from './scenarioTypes';

export type DeskKind = 'agency' | 'ministry' | 'ceptoar';
export type CaseState = 'new' | 'claimed' | 'waiting' | 'answered' | 'closed';
export type CaseKind = 'inquiry' | 'report';
export type Urgency = 'low' | 'normal' | 'high';
export type ReportStage = 'first' | 'follow_up' | 'final';
export type CaseAction = 'claim' | 'reply' | 'ask_back' | 'acknowledge' | 'note' | 'handover' | 'close' | 'inbound';

export interface DeskCategory {
  code: string;
  ja: string;
  en: string;
}

export interface DeskNotice {
  title: string;
  body: string;
  published: boolean;
  updated_at?: string;
}

export interface Desk {
  id: number;
  kind: DeskKind;
  code: string;
  name: LocalisedText;
  intro: string;
  categories: DeskCategory[];
  notices: DeskNotice[];
  updated_at: string;
  staff_user_ids?: number[];
}

export interface DeskInput {
  kind?: DeskKind;
  code?: string;
  name_ja: string;
  name_en: string;
  intro: string;
  categories: DeskCategory[];
  notices: DeskNotice[];
  staff_user_ids: number[];
}

export interface DeskCase {
  id: number;
  kind: CaseKind;
  desk: { id: number; kind: DeskKind; code: string; name: LocalisedText };
  organisation: { id: number; name: string; sector_code: string; ministry_code: string };
  report_id: number | null;
  incident_id: number | null;
  stage: ReportStage | null;
  recipient_code: string | null;
  delivery_order: number;
  category: string;
  urgency: Urgency;
  subject: string;
  contact_name: string;
  contact_detail: string;
  state: CaseState;
  assignee: { user_id: number; name: string } | null;
  first_reply_at: string | null;
  first_reply_at_us: number | null;
  updated_at: string;
  message_count: number;
  created_at: string;
  created_at_us: number;
  created_scenario_time: string | null;
}

export interface CaseMessage {
  id: number;
  case_id: number;
  kind: 'inbound' | 'reply' | 'ask_back' | 'acknowledge' | 'note' | 'handover';
  from: 'organisation' | 'desk';
  author: string;
  body: string;
  wall_at: string;
  wall_at_us: number;
  wall_scenario_time: string | null;
  attachment: { id: number; url: string } | null;
}

export interface ReplyTemplate {
  id: number;
  desk_id: number;
  title: string;
  body: string;
}

export interface IncidentReport {
  id: number;
  incident_id: number;
  stage: ReportStage;
  organisation_id: number;
  fields: Record<string, string>;
  attachment: { id: number; url: string } | null;
  created_at: string;
  created_scenario_time: string | null;
  deliveries: {
    case_id: number;
    recipient_code: string;
    delivery_order: number;
    desk: { id: number; name: LocalisedText };
    state: CaseState;
    first_reply_at: string | null;
  }[];
}

export interface CaseDetail extends DeskCase {
  messages: CaseMessage[];
  report: IncidentReport | null;
  templates: ReplyTemplate[];
}

export interface CasePage {
  items: DeskCase[];
  total: number;
  page: number;
  page_size: number;
}

export interface CaseFilter {
  state?: string;
  desk_id?: number;
  mine?: boolean;
  my_desks?: boolean;
  kind?: string;
  sector?: string;
  category?: string;
  organisation_id?: number;
  page_size?: number;
}

export interface CaseEventPayload {
  case: DeskCase;
  message: CaseMessage | null;
}

export interface RecipientConfig {
  code: string;
  priority: number;
  label: LocalisedText;
  required_fields: string[];
}

export interface ReportField {
  code: string;
  core: boolean;
  label: LocalisedText;
}

export interface ReportingConfig {
  recipients: RecipientConfig[];
  fields: ReportField[];
  desk_names?: Record<string, LocalisedText> | null;
}

export interface ReportInput {
  stage: ReportStage;
  incident_id?: number;
  recipients: string[];
  urgency: Urgency;
  fields: Record<string, string>;
  attachment_id?: number;
}

export interface InquiryInput {
  category: string;
  urgency: Urgency;
  subject: string;
  body: string;
  contact_name: string;
  contact_detail: string;
  attachment_id?: number;
}

export interface StaffMember {
  user_id: number;
  name: string;
  role: string;
  ministry_code: string | null;
}

export interface PartnerOrganisation {
  id: number;
  name: string;
  sector_code: string;
}

export interface Partner {
  id: number;
  organisation: PartnerOrganisation;
  relation: 'customer' | 'supplier';
  service: string;
}

export interface PartnerNotice {
  id: number;
  from: { id: number; name: string };
  to: { id: number; name: string }[];
  subject: string;
  body: string;
  created_at: string;
  created_scenario_time: string | null;
}
