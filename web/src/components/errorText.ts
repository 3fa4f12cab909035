import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

// A user-facing message for a failed request: a translated sentence for the error code,
// followed by the server's message (which names the failing input) when there is one.
export function errorText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.generic');
  const key = `errors.${error.code}`;
  const base = t(key, { defaultValue: '' }) || t('errors.generic');
  return error.message ? `${base} ${t('errors.detail', { message: error.message })}` : base;
}
