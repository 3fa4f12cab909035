// The translation trees: the core files (ja.json, en.json) plus one pair of files per
// feature in ./features/<feature>.<language>.json, so that features add their texts
// without editing the shared files. Each feature file holds its own top-level keys;
// a key defined twice is a bug and throws at start-up (and in the i18n test).
import en from './en.json';
import ja from './ja.json';

export type TranslationTree = { [key: string]: string | TranslationTree };

const featureFiles = import.meta.glob<{ default: TranslationTree }>('./features/*.json', { eager: true });

// Merges the core tree of `language` with every feature file of that language.
export function mergeTranslations(
  core: TranslationTree,
  files: Record<string, { default: TranslationTree }>,
  language: string,
): TranslationTree {
  const merged: TranslationTree = { ...core };
  for (const [path, module] of Object.entries(files)) {
    if (!path.endsWith(`.${language}.json`)) continue;
    for (const [key, value] of Object.entries(module.default)) {
      if (key in merged) throw new Error(`translation key "${key}" of ${path} is already defined`);
      merged[key] = value;
    }
  }
  return merged;
}

export const translations = {
  ja: mergeTranslations(ja as TranslationTree, featureFiles, 'ja'),
  en: mergeTranslations(en as TranslationTree, featureFiles, 'en'),
};
