import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGES, setLanguage } from '../i18n';

// 日本語 / English. Each language is named in itself; the choice is remembered.
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Segmented
      aria-label={t('language.label')}
      value={currentLanguage()}
      options={LANGUAGES.map((language) => ({
        value: language,
        label: <span lang={language}>{t(`language.${language}`)}</span>,
      }))}
      onChange={(value) => {
        if (isLanguage(value)) void setLanguage(value);
      }}
    />
  );
}
