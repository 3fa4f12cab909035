import { Button, Card, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { getOrganisation, listPeople } from '../api/endpoints';
import type { IssuedJoinLink, Organisation, Person, Session } from '../api/types';
import { useReference } from '../api/useReference';
import { hasStaffRole, isOrganiser, isOrgLeadOf } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { InviteMemberForm } from '../components/InviteMemberForm';
import { JoinUrlDialog } from '../components/JoinUrlDialog';
import { Loading } from '../components/Loading';
import { MembersTable } from '../components/MembersTable';
import { NotFound } from '../components/NotFound';
import { OrganisationDetails } from '../components/OrganisationDetails';
import { MyScenarioSection } from '../components/scenario/MyScenarioSection';
import { EvaluationTabs } from '../components/evaluation/EvaluationTabs';
import { NoticesPanel } from '../components/evaluation/NoticesPanel';

// One organisation: details, members and their join links. The org lead's home.
export function OrganisationPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const params = useParams();
  const exerciseId = Number(params.exerciseId);
  const organisationId = Number(params.organisationId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0 && Number.isInteger(organisationId) && organisationId > 0;
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [peopleLoading, setPeopleLoading] = useState(true);
  const [peopleError, setPeopleError] = useState<unknown>(null);
  const [inviting, setInviting] = useState(false);
  const [issued, setIssued] = useState<IssuedJoinLink | null>(null);
  const { reference } = useReference();

  const organiser = isOrganiser(session, exerciseId);
  const canEdit = organiser || isOrgLeadOf(session, exerciseId, organisationId);
  const membership = session.memberships.find((m) => m.exercise_id === exerciseId);
  // Its own people play from the participant console.
  const ownOrganisation = session.memberships.some(
    (m) =>
      m.exercise_id === exerciseId &&
      (m.role === 'org_lead' || m.role === 'participant') &&
      m.organisation_id === organisationId,
  );
  // Controllers and observers may read the organisation but not its people (routes.cpp).
  const canSeePeople =
    organiser ||
    session.memberships.some(
      (m) =>
        m.exercise_id === exerciseId &&
        (m.role === 'ministry' || ((m.role === 'org_lead' || m.role === 'participant') && m.organisation_id === organisationId)),
    );

  useEffect(() => {
    if (!valid) return;
    setOrganisation(null);
    setError(null);
    getOrganisation(exerciseId, organisationId).then(setOrganisation, setError);
  }, [valid, exerciseId, organisationId]);

  const loadPeople = useCallback(() => {
    if (!valid || !canSeePeople) return;
    setPeopleLoading(true);
    listPeople(exerciseId, organisationId).then(
      (list) => {
        setPeople(list);
        setPeopleError(null);
        setPeopleLoading(false);
      },
      (failure: unknown) => {
        setPeopleError(failure);
        setPeopleLoading(false);
      },
    );
  }, [valid, canSeePeople, exerciseId, organisationId]);

  useEffect(loadPeople, [loadPeople]);

  if (!valid || (isApiError(error) && error.code === 'not_found')) return <NotFound />;
  if (error) return <ErrorAlert error={error} />;
  if (!organisation) return <Loading />;

  // Evaluation instruments: the organisation's people, the organiser and ministry staff
  // (the server answers 404 to a ministry of another sector; the tabs then stay empty).
  const canSeeEvaluation =
    organiser || ownOrganisation || session.memberships.some((m) => m.exercise_id === exerciseId && m.role === 'ministry');

  return (
    <>
      {ownOrganisation && (
        <NoticesPanel
          exerciseId={exerciseId}
          organisationId={organisationId}
          canDismiss={isOrgLeadOf(session, exerciseId, organisationId)}
        />
      )}
      <Card>
        <Space className="section-head" wrap>
          <Typography.Title level={1} className="page-title" data-testid="organisation-name">
            {organisation.name}
          </Typography.Title>
          {(hasStaffRole(session) || membership) && (
            <Link to={`/exercises/${exerciseId}`}>{t('organisation.backToList')}</Link>
          )}
          {ownOrganisation && (
            <Link to={`/exercises/${exerciseId}/play`} className="console-link" data-testid="open-console">
              {t('nav.openParticipantConsole')}
            </Link>
          )}
          {ownOrganisation && (
            <Link to={`/exercises/${exerciseId}/pr`} data-testid="nav-pr">
              {t('pr.nav')}
            </Link>
          )}
          {ownOrganisation && (
            <Link to={`/exercises/${exerciseId}/surveys`} data-testid="nav-surveys">
              {t('surveys.nav')}
            </Link>
          )}
          {ownOrganisation && <Link to={`/exercises/${exerciseId}/sessions`}>{t('forum.nav')}</Link>}
          {(canEdit || session.memberships.some((m) => m.exercise_id === exerciseId && m.role === 'ministry')) && (
            <Link to={`/exercises/${exerciseId}/organisations/${organisationId}/report`} data-testid="nav-organisation-report">
              {t('report.organisationNav')}
            </Link>
          )}
        </Space>
        <OrganisationDetails organisation={organisation} reference={reference} canEdit={canEdit} onSaved={setOrganisation} />
      </Card>
      {canSeePeople && (
        <Card className="block-gap-top">
          <section aria-labelledby="people-heading">
            <Space className="section-head" wrap>
              <Typography.Title level={2} id="people-heading" className="section-title">
                {t('people.title')}
              </Typography.Title>
              {canEdit && (
                <Button type="primary" onClick={() => setInviting(true)}>
                  {t('people.invite')}
                </Button>
              )}
            </Space>
            <ErrorAlert error={peopleError} />
            <MembersTable
              exerciseId={exerciseId}
              organisationId={organisationId}
              people={people}
              loading={peopleLoading}
              canManage={canEdit}
              onIssued={setIssued}
              onChanged={loadPeople}
            />
          </section>
        </Card>
      )}
      {canEdit && (
        <Card className="block-gap-top">
          <MyScenarioSection exerciseId={exerciseId} organisationId={organisationId} reference={reference} />
        </Card>
      )}
      {canSeeEvaluation && (
        <Card className="block-gap-top">
          <EvaluationTabs
            exerciseId={exerciseId}
            organisationId={organisationId}
            canEdit={isOrgLeadOf(session, exerciseId, organisationId)}
            canReopen={organiser}
          />
        </Card>
      )}
      {canEdit && (
        <InviteMemberForm
          exerciseId={exerciseId}
          organisationId={organisationId}
          open={inviting}
          onClose={() => setInviting(false)}
          onInvited={(result) => {
            setInviting(false);
            setIssued(result);
            loadPeople();
          }}
        />
      )}
      <JoinUrlDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
