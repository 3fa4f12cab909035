import { App as AntApp, Card, Col, Row, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { getExercise } from '../api/endpoints';
import {
  broadcast,
  commandClock,
  jumpToScene,
  listReleases,
  releaseAdhoc,
  releaseNow,
  streamUrl,
  type ClockCommand,
} from '../api/liveEndpoints';
import type {
  AdhocInjectInput,
  ClockChangedPayload,
  ClockSnapshot,
  ProgressUpdatedPayload,
  ReleaseItem,
  StreamEvent,
} from '../api/liveTypes';
import type { Inject, LocalisedText, Scene } from '../api/scenarioTypes';
import type { Exercise, Session } from '../api/types';
import { useReference } from '../api/useReference';
import { isOrganiser, rolesIn } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { AdhocInjectForm } from '../components/live/AdhocInjectForm';
import { BroadcastForm } from '../components/live/BroadcastForm';
import { AnnouncementsPanel, BreaksPanel } from '../components/floor/FloorPanels';
import { FloorLayer } from '../components/floor/FloorLayer';
import { ClockControls } from '../components/live/ClockControls';
import { ClockDisplay } from '../components/live/ClockDisplay';
import { ConnectionState } from '../components/live/ConnectionState';
import { ProgressPanel } from '../components/live/ProgressPanel';
import { ReleaseTable } from '../components/live/ReleaseTable';
import { NotFound } from '../components/NotFound';
import { ScenarioTimelineView, type MarkerStatus } from '../components/scenario/ScenarioTimelineView';
import { currentLanguage } from '../i18n';
import { exerciseTitle } from '../i18n/localName';
import { applyClockChanged, clockFromSnapshot, type ClockModel } from '../live/clockMath';
import type { EventSourceFactory } from '../live/streamConnection';
import { useEventStream } from '../live/useEventStream';
import { useFloor } from '../floor/useFloor';
import { isFloorEvent } from '../floor/floorState';

// Timeline-view input from the releases: scenes of the clock, injects as placed items.
function timelineInput(clock: ClockModel | null, items: readonly ReleaseItem[]): { scenes: Scene[]; injects: Inject[] } {
  const scenes: Scene[] = (clock?.scenes ?? []).map((s) => ({
    id: s.id,
    title: s.title,
    starts_at: s.starts_at,
    ends_at: s.ends_at,
    speed: s.speed,
    pause_at_end: s.pause_at_end,
  }));
  const injects: Inject[] = items.map((item) => ({
    id: item.inject_id,
    scene_id: item.scene_id,
    at: item.scenario_time,
    audience: item.audience,
    title: item.title,
    body: { ja: '', en: '' },
    attachments: [],
    objectives: item.objectives,
    expected_actions: [],
    controller_notes: item.controller_notes,
    optional: item.optional,
  }));
  return { scenes, injects };
}

// The controller console (/exercises/:id/control): clock and its controls, the master
// timeline with release status and "release now", ad-hoc injects, broadcasts, and live
// progress per organisation. Observers see it without the controls.
export function ControlConsolePage({ session, eventSourceFactory }: { session: Session; eventSourceFactory?: EventSourceFactory }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const exerciseId = Number(useParams().exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const roles = valid ? rolesIn(session, exerciseId) : [];
  const canControl = valid && (isOrganiser(session, exerciseId) || roles.includes('controller'));
  const canWatch = canControl || roles.includes('observer');
  const [exercise, setExercise] = useState<Exercise | null>(null);
  const [clock, setClock] = useState<ClockModel | null>(null);
  const clockRef = useRef<ClockModel | null>(null);
  const [releases, setReleases] = useState<ReleaseItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [releasing, setReleasing] = useState<Set<string>>(new Set());
  const [progressUpdate, setProgressUpdate] = useState<{ seq: number; payload: ProgressUpdatedPayload } | null>(null);
  const [reloadToken, setReloadToken] = useState(0);
  const releaseTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { reference } = useReference();
  // Announcements show here too; the break overlay does not (controllers work through breaks).
  const floor = useFloor(canWatch ? exerciseId : null);
  const [floorVersion, setFloorVersion] = useState(0);

  const acceptClock = useCallback((snapshot: ClockSnapshot) => {
    const model = clockFromSnapshot(snapshot, Date.now() * 1000);
    clockRef.current = model;
    setClock(model);
  }, []);

  const loadReleases = useCallback(() => {
    listReleases(exerciseId).then((answer) => {
      setReleases(answer.items);
      acceptClock(answer.clock);
      setError(null);
    }, setError);
  }, [exerciseId, acceptClock]);

  // Several releases in a burst cause one reload.
  const scheduleReleases = useCallback(() => {
    if (releaseTimer.current !== null) return;
    releaseTimer.current = setTimeout(() => {
      releaseTimer.current = null;
      loadReleases();
    }, 300);
  }, [loadReleases]);

  useEffect(
    () => () => {
      if (releaseTimer.current !== null) clearTimeout(releaseTimer.current);
    },
    [],
  );

  useEffect(() => {
    if (!canWatch) return;
    getExercise(exerciseId).then(setExercise, setError);
    loadReleases();
  }, [canWatch, exerciseId, loadReleases]);

  const floorEvent = floor.onEvent;
  const onEvent = useCallback(
    (event: StreamEvent) => {
      if (isFloorEvent(event)) {
        floorEvent(event);
        setFloorVersion((n) => n + 1);
        return;
      }
      if (event.type === 'clock.changed') {
        const current = clockRef.current;
        if (current) {
          const next = applyClockChanged(current, event.payload as ClockChangedPayload);
          clockRef.current = next;
          setClock(next);
        }
        scheduleReleases();
      } else if (event.type === 'release.recorded' || event.type === 'inject.released') {
        scheduleReleases();
      } else if (event.type === 'progress.updated') {
        setProgressUpdate({ seq: event.seq, payload: event.payload as ProgressUpdatedPayload });
      }
    },
    [scheduleReleases, floorEvent],
  );

  const status = useEventStream(canWatch ? streamUrl(exerciseId) : null, {
    onEvent,
    onReconnected: () => {
      loadReleases();
      floor.reload();
      setFloorVersion((n) => n + 1);
      setReloadToken((n) => n + 1);
    },
    factory: eventSourceFactory,
  });

  const statuses = useMemo(
    () => new Map<string, MarkerStatus>(releases.map((item) => [item.inject_id, item.status])),
    [releases],
  );

  if (!valid || !canWatch) return <NotFound />;
  if (isApiError(error) && error.code === 'not_found') return <NotFound />;

  const run = async (action: () => Promise<ClockSnapshot>) => {
    setBusy(true);
    setError(null);
    try {
      acceptClock(await action());
      scheduleReleases();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const release = async (injectId: string) => {
    setReleasing((current) => new Set(current).add(injectId));
    try {
      const answer = await releaseNow(exerciseId, injectId);
      void message.success(
        answer.created
          ? t('control.released', { id: injectId, count: answer.release.organisation_count })
          : t('control.alreadyReleased', { id: injectId }),
      );
      loadReleases();
    } catch (failure) {
      setError(failure);
    } finally {
      setReleasing((current) => {
        const next = new Set(current);
        next.delete(injectId);
        return next;
      });
    }
  };

  const sendAdhoc = async (input: AdhocInjectInput) => {
    const answer = await releaseAdhoc(exerciseId, input);
    void message.success(t('control.released', { id: answer.release.inject_id, count: answer.release.organisation_count }));
    loadReleases();
  };

  const sendBroadcast = async (text: LocalisedText) => {
    await broadcast(exerciseId, text);
    void message.success(t('control.broadcast.sent'));
  };

  const timeline = timelineInput(clock, releases);
  return (
    <>
      <Card className="console-head">
        <Space className="section-head" wrap>
          <Typography.Title level={1} className="page-title">
            {t('control.title')}
          </Typography.Title>
          {exercise && <Typography.Text type="secondary">{exerciseTitle(exercise, currentLanguage())}</Typography.Text>}
          <Link to={`/exercises/${exerciseId}`}>{t('scenario.backToExercise')}</Link>
          {isOrganiser(session, exerciseId) && <Link to={`/exercises/${exerciseId}/scenario`}>{t('nav.scenario')}</Link>}
        </Space>
        <ClockDisplay clock={clock} timeZone={exercise?.time_zone} />
        {canControl && (
          <ClockControls
            clock={clock}
            busy={busy}
            onCommand={(command: ClockCommand) => run(() => commandClock(exerciseId, command))}
            onJump={(sceneId) => run(() => jumpToScene(exerciseId, sceneId))}
          />
        )}
        <ConnectionState status={status} />
        <div aria-live="polite">
          <ErrorAlert error={error} />
        </div>
      </Card>
      <FloorLayer floor={floor} showBreak={false} />
      <Row gutter={[16, 16]} className="block-gap-top">
        <Col xs={24} xl={canControl ? 15 : 24}>
          <Card>
            <Typography.Title level={2} className="section-title block-gap">
              {t('control.masterTimeline')}
            </Typography.Title>
            <Tabs
              items={[
                {
                  key: 'list',
                  label: t('scenario.views.list'),
                  children: (
                    <ReleaseTable
                      items={releases}
                      reference={reference}
                      canRelease={canControl}
                      releasing={releasing}
                      onRelease={(injectId) => void release(injectId)}
                    />
                  ),
                },
                {
                  key: 'timeline',
                  label: t('scenario.views.timeline'),
                  children: <ScenarioTimelineView scenes={timeline.scenes} injects={timeline.injects} statuses={statuses} />,
                },
              ]}
            />
          </Card>
        </Col>
        {canControl && (
          <Col xs={24} xl={9}>
            <Card>
              <Tabs
                items={[
                  {
                    key: 'adhoc',
                    label: t('control.adhoc.title'),
                    children: <AdhocInjectForm exerciseId={exerciseId} reference={reference} onSubmit={sendAdhoc} />,
                  },
                  {
                    key: 'broadcast',
                    label: t('control.broadcast.title'),
                    children: <BroadcastForm onSubmit={sendBroadcast} />,
                  },
                  {
                    key: 'announcements',
                    label: t('floor.announcement.title'),
                    children: <AnnouncementsPanel exerciseId={exerciseId} version={floorVersion} />,
                  },
                  {
                    key: 'breaks',
                    label: t('floor.break.tab'),
                    children: <BreaksPanel exerciseId={exerciseId} version={floorVersion} />,
                  },
                ]}
              />
            </Card>
          </Col>
        )}
      </Row>
      <Card className="block-gap-top">
        <ProgressPanel exerciseId={exerciseId} reference={reference} update={progressUpdate} reloadToken={reloadToken} />
      </Card>
    </>
  );
}
