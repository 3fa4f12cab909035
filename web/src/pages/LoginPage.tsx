import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../api/client';
import { landingPath } from '../auth/roles';
import { useSession } from '../auth/SessionContext';
import { errorText } from '../components/errorText';

interface LoginFields {
  login: string;
  password: string;
}

// Staff sign-in. Wrong credentials and rate limiting get their own messages.
export function LoginPage() {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed_in') return <Navigate to={landingPath(state.session)} replace />;

  const submit = async (fields: LoginFields) => {
    setBusy(true);
    setError(null);
    try {
      const session = await signIn(fields.login, fields.password);
      // Back to the page that asked for a sign-in, else the user's home.
      const target = typeof from === 'string' && from.startsWith('/') && from !== '/login' ? from : landingPath(session);
      navigate(target, { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  let message: string | null = null;
  if (error) {
    if (isApiError(error) && error.code === 'unauthenticated') message = t('login.failed');
    else if (isApiError(error) && error.code === 'rate_limited') message = t('login.rateLimited');
    else message = errorText(t, error);
  }

  return (
    <div className="narrow-page">
      <Card>
        <Typography.Title level={1} className="page-title">
          {t('login.title')}
        </Typography.Title>
        {message && <Alert type="error" showIcon role="alert" title={message} className="block-gap" />}
        <Form<LoginFields> layout="vertical" onFinish={(fields) => void submit(fields)} requiredMark={false}>
          <Form.Item
            label={t('login.login')}
            name="login"
            rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="block-gap-top">
          {t('login.participantsHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
