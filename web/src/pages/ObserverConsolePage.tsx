import { Button, Card, Empty, Form, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { listObservedInjects, observationsExportUrl, saveObservation } from '../api/floorEndpoints';
import type { ObservedInject } from '../api/floorTypes';
import type { Session } from '../api/types';
import { isOrganiser, rolesIn } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFound } from '../components/NotFound';
import { ObservationForm } from '../components/floor/ObservationForm';
import { OrganisationPicker } from '../components/live/OrganisationPicker';
import { currentLanguage } from '../i18n';

// The observer console (/exercises/:id/observe): observers and evaluators (and the
// organiser) pick an organisation, see the injects released to it, and record a
// rating and a comment per inject. Ratings stay with the secretariat: organisations
// never see them.
export function ObserverConsolePage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const exerciseId = Number(useParams().exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const allowed = valid && (isOrganiser(session, exerciseId) || rolesIn(session, exerciseId).includes('observer'));
  const [organisationId, setOrganisationId] = useState<number | null>(null);
  const [injects, setInjects] = useState<ObservedInject[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    if (organisationId === null) return;
    setInjects(null);
    listObservedInjects(exerciseId, organisationId).then((answer) => {
      setInjects(answer.items);
      setError(null);
    }, setError);
  }, [exerciseId, organisationId]);

  useEffect(load, [load]);

  if (!valid) return <NotFound />;
  if (!allowed) {
    return (
      <Card>
        <Typography.Paragraph>{t('floor.observe.notObserver')}</Typography.Paragraph>
      </Card>
    );
  }
  if (isApiError(error) && error.code === 'not_found' && organisationId === null) return <NotFound />;
  const language = currentLanguage();

  return (
    <>
      <Card className="console-head">
        <Space className="section-head" wrap>
          <Typography.Title level={1} className="page-title">
            {t('floor.observe.title')}
          </Typography.Title>
          <Link to={`/exercises/${exerciseId}`}>{t('floor.observe.backToExercise')}</Link>
        </Space>
        <Typography.Paragraph type="secondary">{t('floor.observe.intro')}</Typography.Paragraph>
        <Form layout="vertical" name="observe-organisation">
          <Form.Item label={t('floor.observe.organisation')} htmlFor="observe-organisation-picker">
            <OrganisationPicker
              exerciseId={exerciseId}
              id="observe-organisation-picker"
              value={organisationId === null ? [] : [organisationId]}
              onChange={(value) => setOrganisationId(value.length > 0 ? (value[value.length - 1] ?? null) : null)}
            />
          </Form.Item>
        </Form>
        <Space wrap>
          <Button href={observationsExportUrl(exerciseId, 'csv', language)} download>
            {t('floor.observe.exportCsv')}
          </Button>
          <Button href={observationsExportUrl(exerciseId, 'xlsx', language)} download>
            {t('floor.observe.exportXlsx')}
          </Button>
        </Space>
      </Card>
      <ErrorAlert error={error} />
      {organisationId !== null && (
        <Card className="block-gap-top">
          {injects !== null && injects.length === 0 && <Empty description={t('floor.observe.noInjects')} />}
          {injects !== null && injects.length > 0 && (
            <List
              dataSource={injects}
              renderItem={(inject) => (
                <List.Item key={inject.inject_id}>
                  <ObservationForm
                    inject={inject}
                    onSave={(rating, comment) =>
                      saveObservation(exerciseId, { organisation_id: organisationId, inject_id: inject.inject_id, rating, comment })
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </>
  );
}
