import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setUnauthenticatedHandler } from './api/client';
import type { Session } from './api/types';
import { SessionProvider, useSession } from './auth/SessionContext';
import { AppHeader } from './components/AppHeader';
import { AppProviders } from './components/AppProviders';
import { ExerciseMarking } from './components/floor/ExerciseMarking';
import { Loading } from './components/Loading';
import { NotFound } from './components/NotFound';
import { ControlConsolePage } from './pages/ControlConsolePage';
import { DeskHomePage } from './pages/DeskHomePage';
import { DeskListPage } from './pages/DeskListPage';
import { DeskQueuePage } from './pages/DeskQueuePage';
import { DeskSettingsPage } from './pages/DeskSettingsPage';
import { EvaluationCompletionPage } from './pages/EvaluationCompletionPage';
import { ExercisePage } from './pages/ExercisePage';
import { HomePage } from './pages/HomePage';
import { IncidentReportPage } from './pages/IncidentReportPage';
import { JoinPage } from './pages/JoinPage';
import { LoginPage } from './pages/LoginPage';
import { ObserverConsolePage } from './pages/ObserverConsolePage';
import { OrganisationPage } from './pages/OrganisationPage';
import { OrganisationReportPage } from './pages/OrganisationReportPage';
import { ParticipantConsolePage } from './pages/ParticipantConsolePage';
import { PartnersPage } from './pages/PartnersPage';
import { ReportPage } from './pages/ReportPage';
import { PrSitePage } from './pages/PrSitePage';
import { ScenarioPage } from './pages/ScenarioPage';
import { ForumSessionPage } from './pages/ForumSessionPage';
import { ForumSessionsPage } from './pages/ForumSessionsPage';
import { SurveyAnswerPage } from './pages/SurveyAnswerPage';
import { SurveyEditorPage } from './pages/SurveyEditorPage';
import { SurveyResultsPage } from './pages/SurveyResultsPage';
import { SurveysPage } from './pages/SurveysPage';

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
      <ExerciseMarking />
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
          <Route
            path="/exercises/:exerciseId/scenario"
            element={<Private page={(session) => <ScenarioPage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/play"
            element={<Private page={(session) => <ParticipantConsolePage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/control"
            element={<Private page={(session) => <ControlConsolePage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/observe"
            element={<Private page={(session) => <ObserverConsolePage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/pr"
            element={<Private page={(session) => <PrSitePage session={session} />} />}
          />
          {/* Surveys, roundtable and feedback sessions (docs/surveys.md). */}
          <Route path="/exercises/:exerciseId/surveys" element={<Private page={(session) => <SurveysPage session={session} />} />} />
          <Route
            path="/exercises/:exerciseId/surveys/:surveyId/edit"
            element={<Private page={(session) => <SurveyEditorPage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/surveys/:surveyId/answer"
            element={<Private page={(session) => <SurveyAnswerPage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/surveys/:surveyId/results"
            element={<Private page={(session) => <SurveyResultsPage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/sessions"
            element={<Private page={(session) => <ForumSessionsPage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/sessions/:sessionId"
            element={<Private page={(session) => <ForumSessionPage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/report"
            element={<Private page={(session) => <ReportPage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/organisations/:organisationId/report"
            element={<Private page={(session) => <OrganisationReportPage session={session} />} />}
          />
          {/* Evaluation instruments: completion per sector, reminders, windows (docs/evaluation.md). */}
          <Route
            path="/exercises/:exerciseId/evaluation"
            element={<Private page={(session) => <EvaluationCompletionPage session={session} />} />}
          />
          {/* World desks: agency homepages, the desk queue, incident reports, supply chain (docs/world.md). */}
          <Route path="/exercises/:exerciseId/desks" element={<Private page={(session) => <DeskListPage session={session} />} />} />
          <Route
            path="/exercises/:exerciseId/desks/:deskId"
            element={<Private page={(session) => <DeskHomePage session={session} />} />}
          />
          <Route path="/exercises/:exerciseId/queue" element={<Private page={(session) => <DeskQueuePage session={session} />} />} />
          <Route
            path="/exercises/:exerciseId/desk-settings"
            element={<Private page={(session) => <DeskSettingsPage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/incident-report"
            element={<Private page={(session) => <IncidentReportPage session={session} />} />}
          />
          <Route
            path="/exercises/:exerciseId/organisations/:organisationId/partners"
            element={<Private page={(session) => <PartnersPage session={session} />} />}
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}

export function App() {
  return (
    <AppProviders>
      <BrowserRouter>
        <SessionProvider>
          <UnauthenticatedRedirect />
          <Shell />
        </SessionProvider>
      </BrowserRouter>
    </AppProviders>
  );
}
