import { App as AntApp, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { getExercise } from '../api/endpoints';
import type { Exercise, Session } from '../api/types';
import { useReference } from '../api/useReference';
import { isOrganiser, organisationMembership, rolesIn } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExerciseEditForm } from '../components/ExerciseEditForm';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { OrganisationList } from '../components/OrganisationList';
import { PhaseTable } from '../components/PhaseTable';
import { currentLanguage } from '../i18n';
import { exerciseTitle } from '../i18n/localName';

// The organiser's home: the exercise, its schedule and its organisations.
export function ExercisePage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const exerciseId = Number(useParams().exerciseId);
  const [exercise, setExercise] = useState<Exercise | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const { reference, error: referenceError } = useReference();

  const load = useCallback(() => {
    getExercise(exerciseId).then(
      (value) => {
        setExercise(value);
        setError(null);
      },
      setError,
    );
  }, [exerciseId]);

  useEffect(() => {
    if (Number.isInteger(exerciseId) && exerciseId > 0) load();
  }, [exerciseId, load]);

  if (!Number.isInteger(exerciseId) || exerciseId <= 0) return <NotFound />;
  if (isApiError(error) && error.code === 'not_found') return <NotFound />;
  if (error) return <ErrorAlert error={error} />;
  if (!exercise) return <Loading />;

  const organiser = isOrganiser(session, exerciseId);
  const roles = rolesIn(session, exerciseId);
  const canExport = organiser || roles.includes('ministry');
  const canWatch = organiser || roles.includes('controller') || roles.includes('observer');
  const ownOrganisation = organisationMembership(session, exerciseId);
  const language = currentLanguage();

  return (
    <>
      <Card>
        <Space className="section-head" wrap>
          <Typography.Title level={1} className="page-title" data-testid="exercise-title">
            {exerciseTitle(exercise, language)}
          </Typography.Title>
          {organiser && (
            <Button onClick={() => setEditing(true)} data-testid="exercise-edit">
              {t('exercise.edit')}
            </Button>
          )}
          {ownOrganisation?.organisation_id !== undefined && (
            <Link to={`/exercises/${exerciseId}/organisations/${ownOrganisation.organisation_id}`}>
              {t('exercise.myOrganisation')}
            </Link>
          )}
          {ownOrganisation?.organisation_id !== undefined && (
            <Link to={`/exercises/${exerciseId}/play`}>{t('nav.participantConsole')}</Link>
          )}
        </Space>
        <Space wrap className="block-gap" aria-label={t('nav.livePlay')} role="navigation">
          {organiser && (
            <Link to={`/exercises/${exerciseId}/scenario`} data-testid="nav-scenario">
              {t('nav.scenario')}
            </Link>
          )}
          {(organiser || roles.includes('ministry')) && (
            <Link to={`/exercises/${exerciseId}/report`} data-testid="nav-report">
              {t('report.nav')}
            </Link>
          )}
          {canWatch && (
            <Link to={`/exercises/${exerciseId}/control`} data-testid="nav-control">
              {t('nav.controlConsole')}
            </Link>
          )}
          {(organiser || roles.includes('observer')) && (
            <Link to={`/exercises/${exerciseId}/observe`} data-testid="nav-observe">
              {t('floor.nav.observe')}
            </Link>
          )}
          <Link to={`/exercises/${exerciseId}/pr`} data-testid="nav-pr">
            {t('pr.nav')}
          </Link>
          {(organiser || roles.some((role) => ['controller', 'observer', 'ministry'].includes(role))) && (
            <Link to={`/exercises/${exerciseId}/evaluation`} data-testid="nav-evaluation">
              {t('evaluation.completion.nav')}
            </Link>
          )}
          <Link to={`/exercises/${exerciseId}/desks`} data-testid="nav-desks">
            {t('desks.nav.desks')}
          </Link>
          {(organiser || roles.some((role) => ['controller', 'observer', 'ministry'].includes(role))) && (
            <Link to={`/exercises/${exerciseId}/queue`} data-testid="nav-queue">
              {t('desks.nav.queue')}
            </Link>
          )}
          <Link to={`/exercises/${exerciseId}/surveys`} data-testid="nav-surveys">
            {t('surveys.nav')}
          </Link>
          <Link to={`/exercises/${exerciseId}/sessions`} data-testid="nav-sessions">
            {t('forum.nav')}
          </Link>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('exercise.fiscalYear')}>
            {t('exercise.fiscalYearValue', { year: exercise.fiscal_year })}
          </Descriptions.Item>
          <Descriptions.Item label={t('exercise.organisationCount')}>{exercise.organisation_count}</Descriptions.Item>
          <Descriptions.Item label={t('exercise.timeZone')}>{exercise.time_zone}</Descriptions.Item>
        </Descriptions>
        {exercise.description && <Typography.Paragraph>{exercise.description}</Typography.Paragraph>}
        <Typography.Title level={2} className="section-title">
          {t('exercise.phases')}
        </Typography.Title>
        <PhaseTable phases={exercise.phases} />
      </Card>
      <ErrorAlert error={referenceError} />
      <Card className="block-gap-top">
        <OrganisationList
          exerciseId={exerciseId}
          reference={reference}
          canManage={organiser}
          canExport={canExport}
          onChanged={load}
        />
      </Card>
      {organiser && (
        <ExerciseEditForm
          exercise={exercise}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setExercise(saved);
            setEditing(false);
            void message.success(t('exercise.saved'));
          }}
        />
      )}
    </>
  );
}
