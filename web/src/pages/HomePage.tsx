import { Card, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { listExercises } from '../api/endpoints';
import type { Exercise, Session } from '../api/types';
import { hasStaffRole, landingPath } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { currentLanguage } from '../i18n';
import { exerciseTitle } from '../i18n/localName';

// "/": organisation people go to their organisation; staff with one exercise go
// straight to it; staff with several choose.
export function HomePage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [exercises, setExercises] = useState<Exercise[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const staff = hasStaffRole(session);

  useEffect(() => {
    if (!staff) return;
    listExercises().then(setExercises, setError);
  }, [staff]);

  if (!staff) {
    const path = landingPath(session);
    return path === '/' ? <Typography.Paragraph>{t('home.empty')}</Typography.Paragraph> : <Navigate to={path} replace />;
  }
  if (error) return <ErrorAlert error={error} />;
  if (!exercises) return <Loading />;
  if (exercises.length === 1 && exercises[0]) return <Navigate to={`/exercises/${exercises[0].id}`} replace />;

  const language = currentLanguage();
  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        {t('home.title')}
      </Typography.Title>
      <List
        dataSource={exercises}
        locale={{ emptyText: t('home.empty') }}
        renderItem={(exercise) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/exercises/${exercise.id}`}>{exerciseTitle(exercise, language)}</Link>}
              description={`${t('exercise.fiscalYearValue', { year: exercise.fiscal_year })} · ${t('home.organisations', { count: exercise.organisation_count })}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
