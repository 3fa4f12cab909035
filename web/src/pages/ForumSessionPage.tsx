import { App as AntApp, Button, Card, Checkbox, Descriptions, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { listPeople } from '../api/endpoints';
import {
  cancelForumRegistration,
  deleteForumSession,
  getForumSession,
  listForumRegistrations,
  listSurveys,
  recordForumAttendance,
  registerForForum,
  updateForumSession,
} from '../api/surveyEndpoints';
import type { ForumRegistration, ForumSession, Survey } from '../api/surveyTypes';
import type { Person, Session } from '../api/types';
import { isOrganiser, organisationMembership, rolesIn } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorText } from '../components/errorText';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { ForumSessionForm } from '../forum/ForumSessionForm';
import { OpinionsPanel } from '../forum/OpinionsPanel';
import { currentLanguage } from '../i18n';
import { localText } from '../surveys/localText';

// One session: its details and counts; registrations (org leads register and cancel
// their own people, organisers record attendance with checkboxes); opinions.
export function ForumSessionPage({ session: authSession }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const exerciseId = Number(params.exerciseId);
  const sessionId = Number(params.sessionId);
  const [forum, setForum] = useState<ForumSession | null>(null);
  const [registrations, setRegistrations] = useState<ForumRegistration[]>([]);
  const [attendance, setAttendance] = useState<Record<number, boolean | null>>({});
  const [people, setPeople] = useState<Person[]>([]);
  const [person, setPerson] = useState<number | undefined>(undefined);
  const [surveys, setSurveys] = useState<Survey[]>([]);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const language = currentLanguage();
  const organiser = isOrganiser(authSession, exerciseId);
  const roles = rolesIn(authSession, exerciseId);
  const membership = organisationMembership(authSession, exerciseId);
  const lead = !organiser && roles.includes('org_lead') && membership?.organisation_id !== undefined;
  const seesRegistrations = organiser || lead || roles.some((role) => ['controller', 'ministry', 'observer'].includes(role));
  const seesOpinions = organiser || roles.includes('controller') || roles.includes('observer');
  const recordsOpinions = organiser || roles.includes('controller');
  const seesSurveyResults = organiser || roles.includes('observer') || roles.includes('ministry');

  const load = useCallback(() => {
    getForumSession(exerciseId, sessionId).then(setForum, setError);
    if (seesRegistrations) {
      listForumRegistrations(exerciseId, sessionId).then((value) => {
        setRegistrations(value.items);
        setAttendance(Object.fromEntries(value.items.map((item) => [item.person_id, item.attended])));
      }, setError);
    }
  }, [exerciseId, sessionId, seesRegistrations]);

  useEffect(() => {
    if (!Number.isInteger(exerciseId) || !Number.isInteger(sessionId)) return;
    load();
    if (lead && membership?.organisation_id !== undefined) {
      listPeople(exerciseId, membership.organisation_id).then(setPeople, setError);
    }
    if (organiser) listSurveys(exerciseId).then((value) => setSurveys(value.items), setError);
  }, [exerciseId, sessionId, load, lead, organiser, membership?.organisation_id]);

  const organisations = useMemo(() => {
    const byId = new Map<number, string>();
    for (const item of registrations) byId.set(item.organisation_id, item.organisation_name);
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [registrations]);

  if (!Number.isInteger(exerciseId) || !Number.isInteger(sessionId)) return <NotFound />;
  if (isApiError(error) && error.code === 'not_found' && !forum) return <NotFound />;
  if (!forum) return error ? <ErrorAlert error={error} /> : <Loading />;

  const failed = (failure: unknown) => void message.error(errorText(t, failure));
  const registered = new Set(registrations.map((item) => item.person_id));
  const saveAttendance = () => {
    const entries = registrations.map((item) => ({ person_id: item.person_id, attended: attendance[item.person_id] ?? null }));
    recordForumAttendance(exerciseId, sessionId, entries).then(() => {
      void message.success(t('forum.attendance.saved'));
      load();
    }, failed);
  };

  return (
    <Card>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {localText(forum.title, language)}
        </Typography.Title>
        <Link to={`/exercises/${exerciseId}/sessions`}>{t('forum.back')}</Link>
        {organiser && <Button onClick={() => setEditing(true)}>{t('surveys.list.edit')}</Button>}
        {organiser && (
          <Popconfirm
            title={t('forum.deleteConfirm')}
            okText={t('surveys.yes')}
            cancelText={t('surveys.no')}
            onConfirm={() => deleteForumSession(exerciseId, sessionId).then(() => navigate(`/exercises/${exerciseId}/sessions`), failed)}
          >
            <Button danger>{t('surveys.list.delete')}</Button>
          </Popconfirm>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('forum.columns.kind')}>{t(`forum.kind.${forum.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('forum.columns.when')}>
          {forum.starts_at.replace('T', ' ')} – {forum.ends_at.replace('T', ' ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('forum.columns.format')}>{t(`forum.format.${forum.format}`)}</Descriptions.Item>
        <Descriptions.Item label={t('forum.form.location')}>{forum.location}</Descriptions.Item>
        <Descriptions.Item label={t('forum.form.capacity')}>{forum.capacity ?? t('forum.noLimit')}</Descriptions.Item>
        <Descriptions.Item label={t('forum.columns.registered')}>
          <span data-testid="session-registered">
            {t('forum.counts', { organisations: forum.counts.organisations_registered, people: forum.counts.people_registered })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('forum.columns.attended')}>
          {t('forum.counts', { organisations: forum.counts.organisations_attended, people: forum.counts.people_attended })}
        </Descriptions.Item>
        <Descriptions.Item label={t('forum.form.themes')}>{forum.themes.join(t('surveys.results.separator'))}</Descriptions.Item>
        <Descriptions.Item label={t('forum.form.experts')}>{forum.experts.join(t('surveys.results.separator'))}</Descriptions.Item>
        {forum.survey_id !== null && (seesSurveyResults || membership !== undefined) && (
          <Descriptions.Item label={t('forum.form.survey')}>
            <Link to={`/exercises/${exerciseId}/surveys/${forum.survey_id}/${seesSurveyResults ? 'results' : 'answer'}`}>
              {t('forum.openSurvey')}
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <ErrorAlert error={error} />
      {lead && (
        <Space wrap className="block-gap" role="group" aria-label={t('forum.register.heading')}>
          <Select
            className="survey-editor-select"
            aria-label={t('forum.register.person')}
            placeholder={t('forum.register.person')}
            value={person}
            onChange={setPerson}
            data-testid="register-person"
            options={people
              .filter((item) => !registered.has(item.id))
              .map((item) => ({ value: item.id, label: item.display_name }))}
          />
          <Button
            type="primary"
            disabled={person === undefined}
            data-testid="register"
            onClick={() =>
              person !== undefined &&
              registerForForum(exerciseId, sessionId, person).then(() => {
                setPerson(undefined);
                void message.success(t('forum.register.done'));
                load();
              }, failed)
            }
          >
            {t('forum.register.submit')}
          </Button>
        </Space>
      )}
      {seesRegistrations && (
        <>
          <Typography.Title level={2} className="section-title">
            {t('forum.registrations')}
          </Typography.Title>
          <Table<ForumRegistration>
            rowKey="person_id"
            size="small"
            dataSource={registrations}
            pagination={false}
            locale={{ emptyText: <span className="empty-text">{t('forum.noRegistrations')}</span> }}
            columns={[
              { title: t('surveys.results.organisation'), dataIndex: 'organisation_name', key: 'organisation' },
              { title: t('surveys.results.person'), dataIndex: 'person_name', key: 'person' },
              {
                title: t('forum.attendance.heading'),
                key: 'attended',
                render: (_: unknown, item: ForumRegistration) =>
                  organiser ? (
                    <Checkbox
                      aria-label={t('forum.attendance.of', { name: item.person_name })}
                      checked={attendance[item.person_id] === true}
                      onChange={(e) => setAttendance({ ...attendance, [item.person_id]: e.target.checked })}
                    />
                  ) : item.attended === null ? (
                    t('forum.attendance.unknown')
                  ) : item.attended ? (
                    t('forum.attendance.present')
                  ) : (
                    t('forum.attendance.absent')
                  ),
              },
              ...(organiser || lead
                ? [
                    {
                      title: t('surveys.list.actions'),
                      key: 'cancel',
                      render: (_: unknown, item: ForumRegistration) => (
                        <Button
                          size="small"
                          onClick={() => cancelForumRegistration(exerciseId, sessionId, item.person_id).then(load, failed)}
                        >
                          {t('forum.register.cancel')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {organiser && registrations.length > 0 && (
            <Button className="block-gap-top" onClick={saveAttendance} data-testid="attendance-save">
              {t('forum.attendance.save')}
            </Button>
          )}
        </>
      )}
      {seesOpinions && (
        <OpinionsPanel
          exerciseId={exerciseId}
          sessionId={sessionId}
          canRecord={recordsOpinions}
          canAddKinds={organiser}
          organisations={organisations}
        />
      )}
      {organiser && (
        <ForumSessionForm
          open={editing}
          initial={forum}
          surveys={surveys}
          onClose={() => setEditing(false)}
          onSave={(input) => {
            const { id: _id, exercise_id: _exercise, counts: _counts, created_at: _created, updated_at: _updated, ...body } = {
              ...forum,
              ...input,
            };
            return updateForumSession(exerciseId, sessionId, body).then(load);
          }}
        />
      )}
    </Card>
  );
}
