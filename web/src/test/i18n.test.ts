import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_CODES } from '../api/client';
import { PARTICIPATION_MODES, PHASE_KINDS, SIZE_BANDS } from '../api/types';
import { mergeTranslations, translations } from '../i18n/resources';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [k, v] of flatten(value, path)) keys.set(k, v);
  }
  return keys;
}

const jaKeys = flatten(translations.ja as Tree);
const enKeys = flatten(translations.en as Tree);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('ja and en (core and feature files) have the same keys', () => {
    const onlyJa = [...jaKeys.keys()].filter((key) => !enKeys.has(key));
    const onlyEn = [...enKeys.keys()].filter((key) => !jaKeys.has(key));
    expect({ onlyJa, onlyEn }).toEqual({ onlyJa: [], onlyEn: [] });
  });

  it('has no empty strings', () => {
    const empty = [...jaKeys, ...enKeys].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const differing = [...jaKeys.keys()].filter(
      (key) => JSON.stringify(placeholders(jaKeys.get(key) ?? '')) !== JSON.stringify(placeholders(enKeys.get(key) ?? '')),
    );
    expect(differing).toEqual([]);
  });

  it('defines every literal key used in the source', () => {
    const root = join(__dirname, '..');
    const missing: string[] = [];
    let found = 0;
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = match[1] ?? '';
        found += 1;
        if (!jaKeys.has(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(found).toBeGreaterThan(100); // the scan itself works
  });

  it('labels every code the UI builds keys from', () => {
    const needed = [
      ...PHASE_KINDS.map((kind) => `phaseKind.${kind}`),
      ...PARTICIPATION_MODES.map((mode) => `mode.${mode}`),
      ...SIZE_BANDS.map((band) => `sizeBand.${band}`),
      ...['organiser', 'controller', 'ministry', 'observer', 'org_lead', 'participant'].map((role) => `role.${role}`),
      ...['none', 'active', 'expired', 'revoked'].map((status) => `joinLink.${status}`),
      ...KNOWN_CODES.map((code) => `errors.${code}`),
    ];
    expect(needed.filter((key) => !jaKeys.has(key))).toEqual([]);
  });
});

describe('mergeTranslations', () => {
  it('adds the feature files of one language and refuses a key defined twice', () => {
    const files = {
      './features/a.ja.json': { default: { a: { x: 'エー' } } },
      './features/a.en.json': { default: { a: { x: 'A' } } },
    };
    expect(mergeTranslations({ core: 'コア' }, files, 'ja')).toEqual({ core: 'コア', a: { x: 'エー' } });
    expect(() => mergeTranslations({ a: 'dup' }, files, 'en')).toThrow(/"a" of \.\/features\/a\.en\.json/);
  });
});
