// Label helpers that turn codes into text in the current language.
import type { Reference } from '../api/types';
import type { Language } from '../i18n';
import { localName } from '../i18n/localName';

export function sectorLabel(reference: Reference | null, code: string, language: Language): string {
  const sector = reference?.sectors.find((s) => s.code === code);
  return sector ? localName(sector, language) : code;
}

export function ministryLabel(reference: Reference | null, code: string, language: Language): string {
  const ministry = reference?.ministries.find((m) => m.code === code);
  if (!ministry) return code;
  const short = language === 'en' ? ministry.short_en : ministry.short_ja;
  return short || localName(ministry, language);
}

export function regionLabel(reference: Reference | null, code: string, language: Language): string {
  const region = reference?.regions.find((r) => r.code === code);
  return region ? localName(region, language) : code;
}

// "2023-12-07T13:00" → "2023-12-07 13:00" (phase dates are local to the exercise).
export function phaseDate(value: string): string {
  return value.replace('T', ' ');
}

// ISO timestamps (UTC) shown in the browser's time zone.
export function timestamp(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short' });
}

// "3. 経営層等の判断" — a verification objective with its number.
export function objectiveLabel(reference: Reference | null, id: number, language: Language): string {
  const objective = reference?.objectives?.find((o) => o.id === id);
  if (!objective) return String(id);
  const title = language === 'en' && objective.title_en ? objective.title_en : objective.title_ja;
  return `${id}. ${title}`;
}
