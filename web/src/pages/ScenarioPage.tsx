import { Alert, App as AntApp, Button, Card, Collapse, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { getScenario, putScenario } from '../api/scenarioEndpoints';
import type { Inject, Scenario, Scene } from '../api/scenarioTypes';
import type { Session } from '../api/types';
import { useReference } from '../api/useReference';
import { isOrganiser } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { InjectDrawer, type FieldError } from '../components/scenario/InjectDrawer';
import { InjectTable } from '../components/scenario/InjectTable';
import { ProblemList } from '../components/scenario/ProblemList';
import { ScenarioDetails } from '../components/scenario/ScenarioDetails';
import { ScenarioFiles } from '../components/scenario/ScenarioFiles';
import { ScenarioTimelineView } from '../components/scenario/ScenarioTimelineView';
import { SceneDrawer } from '../components/scenario/SceneDrawer';
import { SceneTable } from '../components/scenario/SceneTable';
import {
  errorLocation,
  newInject,
  newScene,
  removeInject,
  removeScene,
  upsertInject,
  upsertScene,
  type ErrorLocation,
} from '../components/scenario/scenarioEdit';
import { parseVariablesText, variablesToText } from '../components/scenario/variablesText';

// What a drawer edits: an existing inject/scene (index) or a new one (index null), with
// the value the form starts from (kept here so that re-renders do not reset the form).
type Editing =
  | { kind: 'inject'; index: number | null; draft: Inject }
  | { kind: 'scene'; index: number | null; draft: Scene }
  | null;

// The organiser's scenario page: the master timeline as a list and as a timeline, edited
// locally and saved as a whole (PUT …/scenario, validated by the server), and its
// import/export as YAML or XLSX (MSEL).
export function ScenarioPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const exerciseId = Number(useParams().exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [variablesText, setVariablesText] = useState('');
  const [dirty, setDirty] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const { reference } = useReference();
  const organiser = isOrganiser(session, exerciseId);

  const load = useCallback(() => {
    getScenario(exerciseId).then(
      ({ scenario: value, version: loaded }) => {
        setScenario(value);
        setVersion(loaded);
        setVariablesText(variablesToText(value.variables));
        setDirty(false);
        setLoadError(null);
        setSaveError(null);
      },
      setLoadError,
    );
  }, [exerciseId]);

  useEffect(() => {
    if (valid) load();
  }, [valid, load]);

  const parsedVariables = useMemo(() => parseVariablesText(variablesText), [variablesText]);
  const location: ErrorLocation | null = isApiError(saveError) ? errorLocation(saveError.field) : null;
  const fieldError = (kind: 'inject' | 'scene', index: number | null): FieldError | null =>
    location && location.kind === kind && location.index === index && isApiError(saveError)
      ? { path: location.path, message: saveError.message }
      : null;

  if (!valid || (isApiError(loadError) && loadError.code === 'not_found')) return <NotFound />;
  if (loadError) return <ErrorAlert error={loadError} />;
  if (!scenario) return <Loading />;

  const change = (next: Scenario) => {
    setScenario(next);
    setDirty(true);
  };

  const save = async () => {
    if (parsedVariables.badLines.length > 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      const { scenario: saved, version: savedVersion } = await putScenario(
        exerciseId,
        { ...scenario, variables: parsedVariables.variables },
        version,
      );
      setScenario(saved);
      setVersion(savedVersion);
      setVariablesText(variablesToText(saved.variables));
      setDirty(false);
      void message.success(t('scenario.saved'));
    } catch (failure) {
      setSaveError(failure);
    } finally {
      setSaving(false);
    }
  };

  const editInject = (index: number | null) => {
    const draft = index === null ? newInject(scenario.scenes[0]) : scenario.injects[index];
    if (draft) setEditing({ kind: 'inject', index, draft });
  };
  const editScene = (index: number | null) => {
    const draft = index === null ? newScene(scenario.scenes[scenario.scenes.length - 1]) : scenario.scenes[index];
    if (draft) setEditing({ kind: 'scene', index, draft });
  };
  const otherIds = (ids: string[], own: number | null) => ids.filter((_, index) => index !== own);

  const errorTarget =
    location && location.kind !== 'scenario'
      ? location.kind === 'inject'
        ? t('scenario.errorAtInject', { id: scenario.injects[location.index]?.id ?? `#${location.index + 1}` })
        : t('scenario.errorAtScene', { id: scenario.scenes[location.index]?.id ?? `#${location.index + 1}` })
      : null;

  return (
    <>
      <Card>
        <Space className="section-head" wrap>
          <Typography.Title level={1} className="page-title">
            {t('scenario.pageTitle')}
          </Typography.Title>
          <Link to={`/exercises/${exerciseId}`}>{t('scenario.backToExercise')}</Link>
          <Link to={`/exercises/${exerciseId}/control`}>{t('nav.controlConsole')}</Link>
        </Space>
        {organiser && <ScenarioFiles exerciseId={exerciseId} dirty={dirty} onImported={load} />}
        <div aria-live="polite" className="block-gap-top">
          {saveError !== null && (
            <div data-testid="scenario-save-error">
              <ErrorAlert error={saveError} />
              <ProblemList error={saveError} />
              {errorTarget && location && (
                <Alert
                  className="block-gap-top"
                  type="info"
                  showIcon
                  title={errorTarget}
                  action={
                    <Button size="small" onClick={() => (location.kind === 'inject' ? editInject(location.index) : location.kind === 'scene' ? editScene(location.index) : undefined)}>
                      {t('scenario.showError')}
                    </Button>
                  }
                />
              )}
            </div>
          )}
          {dirty && <Alert type="warning" showIcon title={t('scenario.unsaved')} />}
        </div>
        {organiser && (
          <Space className="block-gap-top" wrap>
            <Button type="primary" onClick={() => void save()} loading={saving} disabled={!dirty || parsedVariables.badLines.length > 0} data-testid="scenario-save">
              {t('scenario.save')}
            </Button>
            <Button onClick={load} disabled={!dirty || saving}>
              {t('scenario.discard')}
            </Button>
          </Space>
        )}
      </Card>
      <Card className="block-gap-top">
        <Collapse
          items={[
            {
              key: 'details',
              label: t('scenario.details.title'),
              children: (
                <ScenarioDetails
                  scenario={scenario}
                  variablesText={variablesText}
                  badVariableLines={parsedVariables.badLines}
                  fieldError={location?.kind === 'scenario' && isApiError(saveError) ? { path: location.path, message: saveError.message } : null}
                  onChange={change}
                  onVariablesText={(text) => {
                    setVariablesText(text);
                    setDirty(true);
                  }}
                />
              ),
            },
          ]}
        />
        <section aria-labelledby="scenes-heading" className="block-gap-top">
          <Space className="section-head" wrap>
            <Typography.Title level={2} id="scenes-heading" className="section-title">
              {t('scenario.scenes.title')}
            </Typography.Title>
            {organiser && <Button onClick={() => editScene(null)}>{t('scenario.scenes.add')}</Button>}
          </Space>
          <SceneTable
            scenario={scenario}
            errorIndex={location?.kind === 'scene' ? location.index : null}
            onEdit={editScene}
            onDelete={(index) => change(removeScene(scenario, index))}
          />
        </section>
      </Card>
      <Card className="block-gap-top">
        <section aria-labelledby="injects-heading">
          <Space className="section-head" wrap>
            <Typography.Title level={2} id="injects-heading" className="section-title">
              {t('scenario.injects.title', { count: scenario.injects.length })}
            </Typography.Title>
            {organiser && (
              <Button onClick={() => editInject(null)} disabled={scenario.scenes.length === 0}>
                {t('scenario.injects.add')}
              </Button>
            )}
          </Space>
          <Tabs
            items={[
              {
                key: 'list',
                label: t('scenario.views.list'),
                children: (
                  <InjectTable
                    scenario={scenario}
                    reference={reference}
                    errorIndex={location?.kind === 'inject' ? location.index : null}
                    onEdit={editInject}
                    onDelete={(index) => change(removeInject(scenario, index))}
                  />
                ),
              },
              {
                key: 'timeline',
                label: t('scenario.views.timeline'),
                children: (
                  <ScenarioTimelineView
                    scenes={scenario.scenes}
                    injects={scenario.injects}
                    onSelect={editInject}
                  />
                ),
              },
            ]}
          />
        </section>
      </Card>
      <InjectDrawer
        open={editing?.kind === 'inject'}
        inject={editing?.kind === 'inject' ? editing.draft : null}
        scenes={scenario.scenes}
        reference={reference}
        takenIds={otherIds(
          scenario.injects.map((inject) => inject.id),
          editing?.kind === 'inject' ? editing.index : null,
        )}
        fieldError={editing?.kind === 'inject' ? fieldError('inject', editing.index) : null}
        onClose={() => setEditing(null)}
        onSave={(inject) => {
          change(upsertInject(scenario, editing?.kind === 'inject' ? editing.index : null, inject));
          setEditing(null);
        }}
      />
      <SceneDrawer
        open={editing?.kind === 'scene'}
        scene={editing?.kind === 'scene' ? editing.draft : null}
        takenIds={otherIds(
          scenario.scenes.map((scene) => scene.id),
          editing?.kind === 'scene' ? editing.index : null,
        )}
        fieldError={editing?.kind === 'scene' ? fieldError('scene', editing.index) : null}
        onClose={() => setEditing(null)}
        onSave={(scene) => {
          change(upsertScene(scenario, editing?.kind === 'scene' ? editing.index : null, scene));
          setEditing(null);
        }}
      />
    </>
  );
}
