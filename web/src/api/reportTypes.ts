// The results report as the server sends it (src/core/report_document.hpp ToJson).

export type ReportCellKind = 'text' | 'count' | 'percent' | 'change';

export interface ReportCell {
  kind: ReportCellKind;
  text: string;
  value?: number;
  suppressed?: boolean;
  emphasis?: boolean;
}

export interface ReportTable {
  id: string;
  title: string;
  header: string[];
  rows: ReportCell[][];
  notes: string[];
}

export interface ReportChart {
  id: string;
  title: string;
  categories: string[];
  // Per mille (0..1000) per category; null where suppressed or missing.
  series: { name: string; values: (number | null)[] }[];
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'chart'; chart: ReportChart };

export interface ReportSection {
  id: string;
  title: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  language: string;
  title: string;
  subtitle: string;
  generated_at: string;
  sections: ReportSection[];
}

export type ReportFormat = 'pdf' | 'html' | 'xlsx' | 'csv';

export interface RenderStatus {
  key: string;
  state: 'running' | 'done' | 'failed';
  stage: string;
  percent: number;
  format: string;
  filename?: string;
  size?: number;
}

export interface ReportSettings {
  minimum_group: number;
  compared_exercise_ids: number[] | null;
  effective_compared_exercise_ids: number[];
}

export interface ReportIssue {
  id: number;
  objective_id: number;
  organisation_id: number;
  organisation_name: string;
  text: string;
  selected: boolean;
}

export interface ReportTheme {
  term: string;
  entries: number;
}
