import type { LocalisedText } from '../api/scenarioTypes';
import type { Language } from '../i18n';

// A localised name in the UI language (Japanese when the English one is empty).
export function localText(text: LocalisedText, language: Language): string {
  return language === 'en' && text.en ? text.en : text.ja;
}
