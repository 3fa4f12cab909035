import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText';

// Shows a failed request as an alert (role="alert" so screen readers announce it).
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" title={errorText(t, error)} />;
}
