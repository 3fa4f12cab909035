import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import jaJP from 'antd/locale/ja_JP';
import dayjs from 'dayjs';
import 'dayjs/locale/ja';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';

// Secondary and placeholder text darkened from antd's defaults to meet WCAG AA contrast.
const THEME = {
  token: {
    colorPrimary: '#1d4ed8',
    // Hover/active stay dark enough for white text (a pointer left on a button after a click).
    colorPrimaryHover: '#1e40af',
    colorPrimaryActive: '#1e3a8a',
    colorLink: '#1d4ed8',
    colorSuccess: '#1e7b34',
    colorWarning: '#9a5b00',
    colorError: '#c0262d',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.5)',
  },
};

// antd configured for the UI language (ja_JP / en_US locale, dayjs locale), the theme,
// and antd's App context (message, modal). Re-renders when the language changes.
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = currentLanguage();
  useEffect(() => {
    dayjs.locale(language === 'ja' ? 'ja' : 'en');
  }, [language, i18n.language]);
  return (
    <ConfigProvider
      locale={language === 'ja' ? jaJP : enUS}
      theme={THEME}
      // No automatic space between two CJK characters in buttons ("編集", not "編 集").
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
