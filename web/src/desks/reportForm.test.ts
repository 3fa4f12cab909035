import { describe, expect, it } from 'vitest';
import type { ReportingConfig } from '../api/deskTypes';
import { deliveryOrder, missingFields, recipientsByPriority, requiredFieldsFor } from './reportForm';

const config: ReportingConfig = {
  recipients: [
    { code: 'ministry', priority: 2, label: { ja: '所管省庁', en: 'Ministry' }, required_fields: ['detected_at'] },
    { code: 'npa', priority: 1, label: { ja: '警察', en: 'Police' }, required_fields: ['police_consultation', 'detected_at'] },
    { code: 'ipa', priority: 3, label: { ja: 'IPA', en: 'IPA' }, required_fields: [] },
  ],
  fields: [
    { code: 'summary', core: true, label: { ja: '事象の概要', en: 'Summary' } },
    { code: 'detected_at', core: false, label: { ja: '検知日時', en: 'Detected' } },
    { code: 'police_consultation', core: false, label: { ja: '被害届', en: 'Police' } },
  ],
};

describe('report form', () => {
  it('lists recipients by priority and delivers in that order', () => {
    expect(recipientsByPriority(config).map((r) => r.code)).toEqual(['npa', 'ministry', 'ipa']);
    expect(deliveryOrder(config, ['ipa', 'ministry', 'npa'])).toEqual(['npa', 'ministry', 'ipa']);
  });

  it('marks core fields and the chosen recipients required fields', () => {
    const required = requiredFieldsFor(config, ['ministry', 'npa']);
    expect(required.get('summary')).toEqual(['core']);
    expect(required.get('detected_at')).toEqual(['npa', 'ministry']);
    expect(required.has('police_consultation')).toBe(true);
    expect(requiredFieldsFor(config, ['ipa']).has('detected_at')).toBe(false);
  });

  it('names the blank required fields', () => {
    // In the order the highest-priority recipient lists them.
    expect(missingFields(config, ['npa'], { summary: '停止', detected_at: ' ' })).toEqual([
      'police_consultation',
      'detected_at',
    ]);
    expect(missingFields(config, ['ipa'], { summary: '停止' })).toEqual([]);
  });
});
