import type { Language } from './index';

// The label of a reference record (sector, ministry) in the UI language; falls back to
// Japanese when the English name is empty.
export function localName(record: { name_ja: string; name_en: string }, language: Language): string {
  return language === 'en' && record.name_en ? record.name_en : record.name_ja;
}

// The title of an exercise in the UI language.
export function exerciseTitle(exercise: { title_ja: string; title_en: string }, language: Language): string {
  return language === 'en' && exercise.title_en ? exercise.title_en : exercise.title_ja;
}
