// Pure helpers of the incident-report form: the recipients in priority order and which
// fields the chosen recipients make required.
import type { RecipientConfig, ReportingConfig } from '../api/deskTypes';

export function recipientsByPriority(config: ReportingConfig): RecipientConfig[] {
  return [...config.recipients].sort((a, b) => a.priority - b.priority);
}

// Field code -> the recipient codes that require it (core fields: "core").
export function requiredFieldsFor(config: ReportingConfig, chosen: string[]): Map<string, string[]> {
  const required = new Map<string, string[]>();
  for (const field of config.fields) if (field.core) required.set(field.code, ['core']);
  for (const recipient of recipientsByPriority(config)) {
    if (!chosen.includes(recipient.code)) continue;
    for (const code of recipient.required_fields) required.set(code, [...(required.get(code) ?? []), recipient.code]);
  }
  return required;
}

// The chosen recipients in delivery order (the configured priority, whatever order they were ticked in).
export function deliveryOrder(config: ReportingConfig, chosen: string[]): string[] {
  return recipientsByPriority(config)
    .map((recipient) => recipient.code)
    .filter((code) => chosen.includes(code));
}

// Field codes still blank that the chosen recipients require.
export function missingFields(config: ReportingConfig, chosen: string[], values: Record<string, string>): string[] {
  return [...requiredFieldsFor(config, chosen).keys()].filter((code) => !(values[code] ?? '').trim());
}
