import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { uniqueRoles } from '../auth/roles';
import { useSession } from '../auth/SessionContext';
import { LanguageSwitch } from './LanguageSwitch';

// The top bar: product name (home link), the signed-in user and roles, language, logout.
export function AppHeader() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand">
        {t('app.name')}
      </Link>
      <Space wrap size="middle" className="app-header__tools">
        {session && (
          <>
            <Typography.Text data-testid="user-name">
              {t('header.signedInAs', { name: session.user.display_name })}
            </Typography.Text>
            <span aria-label={t('header.roles')} role="group">
              {session.user.is_admin && <Tag>{t('header.admin')}</Tag>}
              {uniqueRoles(session).map((role) => (
                <Tag key={role} color="blue">
                  {t(`role.${role}`)}
                </Tag>
              ))}
            </span>
          </>
        )}
        <LanguageSwitch />
        {session && (
          <Button
            onClick={() => {
              void signOut().finally(() => navigate('/login', { replace: true }));
            }}
          >
            {t('header.logout')}
          </Button>
        )}
      </Space>
    </header>
  );
}
