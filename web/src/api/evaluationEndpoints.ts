// Typed functions for the evaluation-instrument routes (docs/api.md "Evaluation instruments").
import { request } from './client';
import type {
  ActionRecordSheet,
  Completion,
  EvaluationReference,
  Instrument,
  InstrumentWindow,
  Notice,
  ObjectiveRecordInput,
  ObjectivesInput,
  ObjectivesState,
  ReadinessPart,
  ReadinessState,
  UploadReport,
} from './evaluationTypes';

const exercisePath = (exerciseId: number) => `/api/exercises/${exerciseId}`;
const organisationPath = (exerciseId: number, organisationId: number) =>
  `${exercisePath(exerciseId)}/organisations/${organisationId}`;

let reference: Promise<EvaluationReference> | null = null;

// The objectives, answer scales and readiness items of /api/reference, loaded once.
export function getEvaluationReference(): Promise<EvaluationReference> {
  if (!reference) {
    reference = request<Partial<EvaluationReference>>('GET', '/api/reference').then(
      (answer) => ({
        objectives: answer.objectives ?? [],
        answer_scales: answer.answer_scales ?? [],
        readiness_items: answer.readiness_items ?? [],
      }),
      (error: unknown) => {
        reference = null;
        throw error;
      },
    );
  }
  return reference;
}

export function getWindows(exerciseId: number): Promise<{ items: InstrumentWindow[] }> {
  return request('GET', `${exercisePath(exerciseId)}/evaluation/windows`);
}

export function putWindows(
  exerciseId: number,
  windows: { instrument: Instrument; opens_at: string | null; closes_at: string | null }[],
): Promise<{ items: InstrumentWindow[] }> {
  return request('PUT', `${exercisePath(exerciseId)}/evaluation/windows`, { json: { windows } });
}

export function getCompletion(exerciseId: number, instrument: Instrument, sector?: string): Promise<Completion> {
  return request('GET', `${exercisePath(exerciseId)}/evaluation/completion`, {
    query: { instrument, sector: sector || undefined },
  });
}

export function sendReminders(
  exerciseId: number,
  instrument: Instrument,
  sectorCode?: string,
): Promise<{ reminded: number; organisation_ids: number[] }> {
  return request('POST', `${exercisePath(exerciseId)}/evaluation/reminders`, {
    json: { instrument, sector_code: sectorCode || null },
  });
}

export function getReadiness(exerciseId: number, organisationId: number, part: ReadinessPart): Promise<ReadinessState> {
  return request('GET', `${organisationPath(exerciseId, organisationId)}/readiness/${part}`);
}

export function saveReadiness(
  exerciseId: number,
  organisationId: number,
  part: ReadinessPart,
  answers: Record<string, string>,
  submit: boolean,
): Promise<ReadinessState> {
  const path = `${organisationPath(exerciseId, organisationId)}/readiness/${part}`;
  return submit ? request('POST', `${path}/submit`, { json: { answers } }) : request('PUT', path, { json: { answers } });
}

export function reopenReadiness(exerciseId: number, organisationId: number, part: ReadinessPart): Promise<ReadinessState> {
  return request('POST', `${organisationPath(exerciseId, organisationId)}/readiness/${part}/reopen`);
}

export function getObjectives(exerciseId: number, organisationId: number): Promise<ObjectivesState> {
  return request('GET', `${organisationPath(exerciseId, organisationId)}/objectives`);
}

export function putObjectives(exerciseId: number, organisationId: number, input: ObjectivesInput): Promise<ObjectivesState> {
  return request('PUT', `${organisationPath(exerciseId, organisationId)}/objectives`, { json: input });
}

export function getActionRecord(exerciseId: number, organisationId: number): Promise<ActionRecordSheet> {
  return request('GET', `${organisationPath(exerciseId, organisationId)}/action-record`);
}

export function saveActionRecord(
  exerciseId: number,
  organisationId: number,
  objectives: ObjectiveRecordInput[],
  submit: boolean,
): Promise<ActionRecordSheet> {
  const path = `${organisationPath(exerciseId, organisationId)}/action-record`;
  return submit
    ? request('POST', `${path}/submit`, { json: { objectives } })
    : request('PUT', path, { json: { objectives } });
}

export function reopenActionRecord(exerciseId: number, organisationId: number): Promise<ActionRecordSheet> {
  return request('POST', `${organisationPath(exerciseId, organisationId)}/action-record/reopen`);
}

export function actionRecordXlsxUrl(exerciseId: number, organisationId: number): string {
  return `${organisationPath(exerciseId, organisationId)}/action-record/xlsx`;
}

// Posts the workbook bytes. An invalid upload answers 422 with the report; it is returned.
export async function uploadActionRecordXlsx(
  exerciseId: number,
  organisationId: number,
  file: Blob,
  dryRun: boolean,
): Promise<UploadReport> {
  try {
    return await request<UploadReport>('POST', actionRecordXlsxUrl(exerciseId, organisationId), {
      query: { dry_run: dryRun ? 'true' : 'false' },
      body: file,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  } catch (error) {
    const body = (error as { body?: unknown }).body;
    if (body && typeof body === 'object' && 'valid' in body && 'errors' in body) return body as UploadReport;
    throw error;
  }
}

export function listNotices(exerciseId: number, organisationId: number): Promise<{ items: Notice[] }> {
  return request('GET', `${organisationPath(exerciseId, organisationId)}/notices`);
}

export function dismissNotice(exerciseId: number, organisationId: number, noticeId: number): Promise<Notice> {
  return request('POST', `${organisationPath(exerciseId, organisationId)}/notices/${noticeId}/dismiss`);
}
