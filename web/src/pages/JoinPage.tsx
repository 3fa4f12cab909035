import { Alert, Button, Card, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../api/client';
import { landingPath } from '../auth/roles';
import { useSession } from '../auth/SessionContext';
import { errorText } from '../components/errorText';
import { Loading } from '../components/Loading';

// Reads the join token from the address ("/join#<token>"), removes it from the address
// bar and history at once, exchanges it for a session, then opens the person's page.
export function readAndClearJoinToken(): string {
  const token = decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
  if (window.location.hash) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return token;
}

type JoinState = { status: 'joining' } | { status: 'missing' } | { status: 'failed'; error: unknown };

export function JoinPage() {
  const { t } = useTranslation();
  const { joinWithToken } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useState<JoinState>({ status: 'joining' });
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // React StrictMode runs effects twice in development
    started.current = true;
    const token = readAndClearJoinToken();
    if (!token) {
      setState({ status: 'missing' });
      return;
    }
    joinWithToken(token).then(
      (session) => navigate(landingPath(session), { replace: true }),
      (error: unknown) => setState({ status: 'failed', error }),
    );
  }, [joinWithToken, navigate]);

  let message: string | null = null;
  if (state.status === 'missing') message = t('join.missing');
  if (state.status === 'failed') {
    const error = state.error;
    if (isApiError(error) && (error.code === 'unauthenticated' || error.code === 'not_found')) {
      message = t('join.invalid');
    } else if (isApiError(error) && error.code === 'rate_limited') {
      message = t('join.rateLimited');
    } else {
      message = errorText(t, error);
    }
  }

  return (
    <div className="narrow-page">
      <Card>
        <Typography.Title level={1} className="page-title">
          {t('join.title')}
        </Typography.Title>
        {state.status === 'joining' ? (
          <>
            <Loading />
            <Typography.Paragraph>{t('join.joining')}</Typography.Paragraph>
          </>
        ) : (
          <>
            <Alert type="error" showIcon role="alert" title={message} className="block-gap" />
            <Button onClick={() => navigate('/login')}>{t('join.toLogin')}</Button>
          </>
        )}
      </Card>
    </div>
  );
}
