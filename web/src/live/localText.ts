import type { LocalisedText } from '../api/scenarioTypes';
import type { Language } from '../i18n';

// The text in the UI language, falling back to Japanese (the scenario's first language).
export function localText(text: LocalisedText | undefined | null, language: Language): string {
  if (!text) return '';
  return language === 'en' && text.en ? text.en : text.ja;
}
