// Typed functions for the world-desk routes (docs/api.md "Desks, cases and incident reports").
import { request } from './client';
import type {
  CaseAction,
  CaseDetail,
  CaseFilter,
  CasePage,
  Desk,
  DeskCase,
  DeskInput,
  IncidentReport,
  InquiryInput,
  Partner,
  PartnerNotice,
  PartnerOrganisation,
  ReplyTemplate,
  ReportInput,
  ReportingConfig,
  StaffMember,
} from './deskTypes';

const base = (exerciseId: number) => `/api/exercises/${exerciseId}`;
const organisationPath = (exerciseId: number, organisationId: number) =>
  `${base(exerciseId)}/organisations/${organisationId}`;

export async function listDesks(exerciseId: number): Promise<Desk[]> {
  return (await request<{ items: Desk[] }>('GET', `${base(exerciseId)}/desks`)).items;
}

export function getDesk(exerciseId: number, deskId: number): Promise<Desk> {
  return request<Desk>('GET', `${base(exerciseId)}/desks/${deskId}`);
}

export function createDesk(exerciseId: number, input: DeskInput): Promise<Desk> {
  return request<Desk>('POST', `${base(exerciseId)}/desks`, { json: input });
}

export function updateDesk(exerciseId: number, deskId: number, input: DeskInput): Promise<Desk> {
  return request<Desk>('PUT', `${base(exerciseId)}/desks/${deskId}`, { json: input });
}

export function deleteDesk(exerciseId: number, deskId: number): Promise<void> {
  return request<void>('DELETE', `${base(exerciseId)}/desks/${deskId}`);
}

export async function applyDefaultDesks(exerciseId: number): Promise<Desk[]> {
  return (await request<{ items: Desk[] }>('POST', `${base(exerciseId)}/desks/defaults`)).items;
}

export function createTemplate(exerciseId: number, deskId: number, title: string, body: string): Promise<ReplyTemplate> {
  return request<ReplyTemplate>('POST', `${base(exerciseId)}/desks/${deskId}/templates`, { json: { title, body } });
}

export function deleteTemplate(exerciseId: number, deskId: number, templateId: number): Promise<void> {
  return request<void>('DELETE', `${base(exerciseId)}/desks/${deskId}/templates/${templateId}`);
}

export async function listDeskStaff(exerciseId: number): Promise<StaffMember[]> {
  return (await request<{ items: StaffMember[] }>('GET', `${base(exerciseId)}/desk-staff`)).items;
}

export function sendInquiry(exerciseId: number, deskId: number, input: InquiryInput): Promise<DeskCase> {
  return request<DeskCase>('POST', `${base(exerciseId)}/desks/${deskId}/inquiries`, { json: input });
}

export function listCases(exerciseId: number, filter: CaseFilter = {}): Promise<CasePage> {
  return request<CasePage>('GET', `${base(exerciseId)}/cases`, { query: { ...filter } });
}

export function getCase(exerciseId: number, caseId: number): Promise<CaseDetail> {
  return request<CaseDetail>('GET', `${base(exerciseId)}/cases/${caseId}`);
}

export function actOnCase(
  exerciseId: number,
  caseId: number,
  action: CaseAction,
  body = '',
  assigneeUserId?: number,
  attachmentId?: number,
): Promise<CaseDetail> {
  return request<CaseDetail>('POST', `${base(exerciseId)}/cases/${caseId}/actions`, {
    json: {
      action,
      body,
      ...(assigneeUserId ? { assignee_user_id: assigneeUserId } : {}),
      ...(attachmentId ? { attachment_id: attachmentId } : {}),
    },
  });
}

export async function bulkReply(exerciseId: number, caseIds: number[], body: string): Promise<DeskCase[]> {
  return (
    await request<{ items: DeskCase[] }>('POST', `${base(exerciseId)}/cases/bulk-reply`, {
      json: { case_ids: caseIds, body },
    })
  ).items;
}

export function getReportingConfig(exerciseId: number): Promise<ReportingConfig> {
  return request<ReportingConfig>('GET', `${base(exerciseId)}/reporting-config`);
}

export function putReportingConfig(
  exerciseId: number,
  recipients: { code: string; required_fields: string[] }[],
): Promise<ReportingConfig> {
  return request<ReportingConfig>('PUT', `${base(exerciseId)}/reporting-config`, { json: { recipients } });
}

export function sendIncidentReport(exerciseId: number, input: ReportInput): Promise<IncidentReport> {
  return request<IncidentReport>('POST', `${base(exerciseId)}/incident-reports`, { json: input });
}

export async function listIncidentReports(exerciseId: number): Promise<IncidentReport[]> {
  return (await request<{ items: IncidentReport[] }>('GET', `${base(exerciseId)}/incident-reports`)).items;
}

export function listPartners(
  exerciseId: number,
  organisationId: number,
): Promise<{ declared: Partner[]; declared_by: Partner[] }> {
  return request('GET', `${organisationPath(exerciseId, organisationId)}/partners`);
}

export function declarePartner(
  exerciseId: number,
  organisationId: number,
  input: { partner_organisation_id: number; relation: string; service: string },
): Promise<Partner> {
  return request<Partner>('POST', `${organisationPath(exerciseId, organisationId)}/partners`, { json: input });
}

export function removePartner(exerciseId: number, organisationId: number, partnerId: number): Promise<void> {
  return request<void>('DELETE', `${organisationPath(exerciseId, organisationId)}/partners/${partnerId}`);
}

export async function listPartnerCandidates(exerciseId: number, organisationId: number): Promise<PartnerOrganisation[]> {
  return (
    await request<{ items: PartnerOrganisation[] }>(
      'GET',
      `${organisationPath(exerciseId, organisationId)}/partner-candidates`,
    )
  ).items;
}

export function listPartnerNotices(
  exerciseId: number,
  organisationId: number,
): Promise<{ sent: PartnerNotice[]; received: PartnerNotice[] }> {
  return request('GET', `${organisationPath(exerciseId, organisationId)}/partner-notices`);
}

export function sendPartnerNotice(
  exerciseId: number,
  organisationId: number,
  input: { partner_organisation_ids: number[]; subject: string; body: string },
): Promise<PartnerNotice> {
  return request<PartnerNotice>('POST', `${organisationPath(exerciseId, organisationId)}/partner-notices`, {
    json: input,
  });
}
