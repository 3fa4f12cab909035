// The demo-output parser, so that a format change is noticed even without a browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDemoOutput } from '../lib/server.js';
import { csvHeader, valueForColumn } from '../lib/workbook.js';

test('parses the listening line, logins and join links', () => {
  const parsed = parseDemoOutput(
    [
      'enshu: listening on http://127.0.0.1:40123',
      'login: organiser password: Xy7-abc_def role: organiser',
      'login: meti-staff password: p@ss role: ministry',
      'join: デモ電力 株式会社 http://localhost:8080/join#tok-EN_1',
      'join: http://localhost:8080/join#second',
    ].join('\n'),
  );
  assert.equal(parsed.baseUrl, 'http://127.0.0.1:40123');
  assert.deepEqual(parsed.logins, [
    { login: 'organiser', password: 'Xy7-abc_def', role: 'organiser' },
    { login: 'meti-staff', password: 'p@ss', role: 'ministry' },
  ]);
  assert.deepEqual(parsed.joins, [
    { organisation: 'デモ電力 株式会社', url: 'http://localhost:8080/join#tok-EN_1', token: 'tok-EN_1' },
    { organisation: null, url: 'http://localhost:8080/join#second', token: 'second' },
  ]);
});

test('reads a CSV header with a BOM and quotes, and maps columns to values', () => {
  assert.deepEqual(csvHeader('\uFEFFexternal_ref,"name",name_kana\r\n1,2,3'), ['external_ref', 'name', 'name_kana']);
  const organisation = { external_ref: 'R', name: 'N', name_kana: 'K', name_en: 'E', sector: 'S', size: 'Z', region: 'G', mode: 'M' };
  assert.deepEqual(
    ['external_ref', 'name', 'name_kana', 'name_en', 'sector', 'ministry', 'size_band', 'region', 'participation_mode'].map(
      (h) => valueForColumn(h, organisation),
    ),
    ['R', 'N', 'K', 'E', 'S', '', 'Z', 'G', 'M'],
  );
});
