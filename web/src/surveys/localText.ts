import type { LocalText } from '../api/surveyTypes';
import type { Language } from '../i18n';

// The text in the UI language; falls back to Japanese when the English text is empty.
export function localText(text: LocalText, language: Language): string {
  return language === 'en' && text.en ? text.en : text.ja;
}

// "2023-12-14T05:00:00.000Z" → "2023-12-14 14:00" in the browser's time zone; "" for null.
export function localDateTime(timestamp: string | null): string {
  if (!timestamp) return '';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(
    date.getMinutes(),
  )}`;
}
