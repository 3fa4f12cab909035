// Pure helpers of the evaluation UI: grouping survey items, turning form state into
// request bodies, reading the field errors of a refused save.
import { isApiError } from '../api/client';
import type {
  ChosenObjective,
  FieldError,
  ObjectiveRecord,
  ObjectiveRecordInput,
  ObjectiveReference,
  ObjectivesInput,
  ReadinessItem,
  ReadinessPart,
} from '../api/evaluationTypes';

export const OWN_OBJECTIVE_ID = 10;
export const SETTING_COUNT = 3;

export interface ItemGroup {
  areaCode: string;
  areaJa: string;
  areaEn: string;
  items: ReadinessItem[];
}

// The items of one part, in display order, grouped by action-plan area (first appearance order).
export function groupItemsByArea(items: readonly ReadinessItem[], part: ReadinessPart): ItemGroup[] {
  const groups: ItemGroup[] = [];
  const sorted = items.filter((item) => item.timing === part).sort((a, b) => a.sort_order - b.sort_order);
  for (const item of sorted) {
    let group = groups.find((candidate) => candidate.areaCode === item.area_code);
    if (!group) {
      group = { areaCode: item.area_code, areaJa: item.area_ja, areaEn: item.area_en, items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

// The field errors ("answers.csirt.prepared", "objectives.3.settings.2") of a refused save.
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!isApiError(error) || !error.body || typeof error.body !== 'object') return [];
  const errors = (error.body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (entry): entry is FieldError =>
      !!entry && typeof entry === 'object' && typeof (entry as FieldError).field === 'string',
  );
}

// The set of item ids / sheet cells named by field errors, for highlighting.
export function erroredKeys(errors: readonly FieldError[], prefix: string): Set<string> {
  const keys = new Set<string>();
  for (const error of errors) if (error.field.startsWith(prefix)) keys.add(error.field.slice(prefix.length));
  return keys;
}

// Answers without blanks (an unanswered item is left out of the body).
export function answersBody(answers: Record<string, string | undefined>): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [item, code] of Object.entries(answers)) if (code) body[item] = code;
  return body;
}

export interface OwnObjectiveDraft {
  index: number | null; // the stored number, or null for a new one
  text: string;
}

export function objectivesInput(standard: readonly number[], own: readonly OwnObjectiveDraft[]): ObjectivesInput {
  return {
    standard: [...new Set(standard)].filter((id) => id >= 1 && id <= 9).sort((a, b) => a - b),
    own: own.filter((entry) => entry.text.trim() !== '').map((entry) => ({ index: entry.index, text: entry.text.trim() })),
  };
}

export function objectivesDraftOf(chosen: readonly ChosenObjective[]): { standard: number[]; own: OwnObjectiveDraft[] } {
  return {
    standard: chosen.filter((c) => c.objective_id !== OWN_OBJECTIVE_ID).map((c) => c.objective_id),
    own: chosen
      .filter((c) => c.objective_id === OWN_OBJECTIVE_ID)
      .map((c) => ({ index: c.custom_index, text: c.custom_text })),
  };
}

// "⑩-2 夜間の連絡体制" style title of a chosen objective in the UI language.
export function objectiveTitle(
  objective: Pick<ChosenObjective, 'objective_id' | 'custom_index' | 'custom_text'>,
  reference: readonly ObjectiveReference[],
  language: string,
): string {
  if (objective.objective_id === OWN_OBJECTIVE_ID) return objective.custom_text;
  const found = reference.find((entry) => entry.id === objective.objective_id);
  if (!found) return String(objective.objective_id);
  return language === 'en' ? found.title_en || found.title_ja : found.title_ja;
}

// The request body of the sheet: every objective with its three settings and its
// non-blank issues.
export function sheetBody(records: readonly ObjectiveRecord[]): ObjectiveRecordInput[] {
  return records.map((record) => ({
    key: record.key,
    ratings: Array.from({ length: SETTING_COUNT }, (_, i) => record.ratings[i] || null),
    issues: record.issues.map((issue) => issue.trim()).filter((issue) => issue !== ''),
  }));
}

// Settings still unanswered in the form (fields as the server names them).
export function unansweredSettings(records: readonly ObjectiveRecord[]): string[] {
  const missing: string[] = [];
  for (const record of records) {
    for (let i = 0; i < SETTING_COUNT; i += 1) {
      if (!record.ratings[i]) missing.push(`objectives.${record.key}.settings.${i + 1}`);
    }
  }
  return missing;
}
