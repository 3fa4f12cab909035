import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import jaJP from 'antd/locale/ja_JP';
import dayjs from 'dayjs';
import 'dayjs/locale/ja';
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setUnauthenticatedHandler } from './api/client';
import type { Session } from './api/types';
import { SessionProvider, useSession } from './auth/SessionContext';
import { AppHeader } from './components/AppHeader';
import { Loading } from './components/Loading';
import { NotFound } from './components/NotFound';
import { currentLanguage } from './i18n';
import { ExercisePage } from './pages/ExercisePage';
import { HomePage } from './pages/HomePage';
import { JoinPage } from './pages/JoinPage';
import { LoginPage } from './pages/LoginPage';
import { OrganisationPage } from './pages/OrganisationPage';

// Secondary and placeholder text darkened from antd's defaults to meet WCAG AA contrast.
const THEME = {
  token: {
    colorPrimary: '#1d4ed8',
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

// Sends the user to /login when the server says the session is gone (401).
function UnauthenticatedRedirect() {
  const { clear } = useSession();
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      clear();
      navigate('/login', { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [clear, navigate]);
  return null;
}

// Renders `page` with the session, or redirects to /login.
function Private({ page }: { page: (session: Session) => ReactElement }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed_out') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return page(state.session);
}

function Shell() {
  const { t } = useTranslation();
  const { state } = useSession();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1} className="app-main">
        <Routes>
          <Route path="/login" element={state.status === 'loading' ? <Loading /> : <LoginPage />} />
          <Route path="/join" element={<JoinPage />} />
          <Route path="/" element={<Private page={(session) => <HomePage session={session} />} />} />
          <Route
            path="/exercises/:exerciseId"
            element={<Private page={(session) => <ExercisePage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/organisations/:organisationId"
            element={<Private page={(session) => <OrganisationPage session={session} />} />}
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const language = currentLanguage();
  useEffect(() => {
    dayjs.locale(language === 'ja' ? 'ja' : 'en');
  }, [language, i18n.language]);
  return (
    <ConfigProvider locale={language === 'ja' ? jaJP : enUS} theme={THEME}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <UnauthenticatedRedirect />
            <Shell />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
