// i18next set-up: Japanese by default, English on request. The choice is kept in
// localStorage and mirrored to <html lang> and the document title.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { translations } from './resources';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'enshu.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : 'ja';
  } catch {
    return 'ja';
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
}

export function setLanguage(language: Language): Promise<unknown> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  return i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'ja';
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: translations.ja }, en: { translation: translations.en } },
  lng: storedLanguage(),
  fallbackLng: 'ja',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes text itself
  initAsync: false,
});
applyLanguage(i18n.language);

export default i18n;
