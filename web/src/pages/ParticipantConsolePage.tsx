import { App as AntApp, Badge, Card, Col, Row, Space, Typography } from 'antd';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { getExercise } from '../api/endpoints';
import {
  acknowledgeInject,
  createAction,
  getClock,
  getInbox,
  listActions,
  streamUrl,
} from '../api/liveEndpoints';
import type { ActionInput, ClockChangedPayload, StreamEvent } from '../api/liveTypes';
import type { Exercise, Session } from '../api/types';
import { useReference } from '../api/useReference';
import { organisationMembership } from '../auth/roles';
import { ActionLogForm } from '../components/live/ActionLogForm';
import { BroadcastBanner } from '../components/live/BroadcastBanner';
import { ClockDisplay } from '../components/live/ClockDisplay';
import { ConnectionState } from '../components/live/ConnectionState';
import { InjectFeed } from '../components/live/InjectFeed';
import { TeamTimeline } from '../components/live/TeamTimeline';
import { ErrorAlert } from '../components/ErrorAlert';
import { OrganisationDeskPanel } from '../components/desks/OrganisationDeskPanel';
import { ChosenObjectivesCard } from '../components/evaluation/ChosenObjectivesCard';
import { FloorLayer } from '../components/floor/FloorLayer';
import { NotFound } from '../components/NotFound';
import { currentLanguage } from '../i18n';
import { exerciseTitle } from '../i18n/localName';
import { applyClockChanged, clockFromSnapshot, type ClockModel } from '../live/clockMath';
import { activeBroadcast, consoleReducer, initialConsoleState, injectsOf, unreadCount } from '../live/consoleReducer';
import type { EventSourceFactory } from '../live/streamConnection';
import { useEventStream } from '../live/useEventStream';
import { useOrganisationDesk } from '../desks/useOrganisationDesk';
import { useFloor } from '../floor/useFloor';

// The participant console (/exercises/:id/play): the clock, the injects received live,
// broadcasts, the action log form and the team's own timeline. After a reconnect the
// stream replays from Last-Event-ID and the inbox, clock and actions are reloaded too;
// the reducer drops what it already has (by seq and id).
export function ParticipantConsolePage({ session, eventSourceFactory }: { session: Session; eventSourceFactory?: EventSourceFactory }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const exerciseId = Number(useParams().exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const membership = valid ? organisationMembership(session, exerciseId) : undefined;
  const organisationId = membership?.organisation_id ?? null;
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState(organisationId, membership?.person_id ?? null));
  const [clock, setClock] = useState<ClockModel | null>(null);
  const clockRef = useRef<ClockModel | null>(null);
  const [exercise, setExercise] = useState<Exercise | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [acknowledging, setAcknowledging] = useState<Set<string>>(new Set());
  const [preset, setPreset] = useState<{ injectId: string; nonce: number } | null>(null);
  const { reference } = useReference();
  // The organisation's inquiries and reports with the desks' replies, live (world desks).
  const desk = useOrganisationDesk(valid && organisationId !== null ? exerciseId : null);
  const deskReload = desk.reload;
  useEffect(() => deskReload(), [deskReload]);
  // Announcements and breaks from the organiser (banner, full-screen countdown).
  const floor = useFloor(valid && organisationId !== null ? exerciseId : null);

  const updateClock = useCallback((next: ClockModel | null) => {
    clockRef.current = next;
    setClock(next);
  }, []);

  const reload = useCallback(() => {
    if (!valid || organisationId === null) return;
    getClock(exerciseId).then((snapshot) => updateClock(clockFromSnapshot(snapshot, Date.now() * 1000)), setError);
    getInbox(exerciseId).then((inbox) => dispatch({ type: 'inbox', inbox }), setError);
    listActions(exerciseId, organisationId).then((actions) => dispatch({ type: 'actions', actions }), setError);
  }, [valid, exerciseId, organisationId, updateClock]);

  useEffect(() => {
    if (!valid || organisationId === null) return;
    getExercise(exerciseId).then(setExercise, setError);
    reload();
  }, [valid, exerciseId, organisationId, reload]);

  const floorEvent = floor.onEvent;
  const deskEvent = desk.onEvent;
  const onEvent = useCallback(
    (event: StreamEvent) => {
      if (deskEvent(event)) return;
      if (floorEvent(event)) return;
      if (event.type === 'clock.changed') {
        const current = clockRef.current;
        if (current) updateClock(applyClockChanged(current, event.payload as ClockChangedPayload));
        else getClock(exerciseId).then((snapshot) => updateClock(clockFromSnapshot(snapshot, Date.now() * 1000)), setError);
        return;
      }
      dispatch({ type: 'event', event });
    },
    [exerciseId, updateClock, floorEvent, deskEvent],
  );

  const status = useEventStream(valid && organisationId !== null ? streamUrl(exerciseId) : null, {
    onEvent,
    onReconnected: () => {
      reload();
      floor.reload();
      desk.reload();
    },
    factory: eventSourceFactory,
  });

  const unread = unreadCount(state);
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${t('app.title')}` : t('app.title');
    return () => {
      document.title = t('app.title');
    };
  }, [unread, t]);

  if (!valid) return <NotFound />;
  if (organisationId === null) {
    return (
      <Card>
        <Typography.Paragraph>{t('play.notParticipant')}</Typography.Paragraph>
      </Card>
    );
  }
  if (isApiError(error) && error.code === 'not_found') return <NotFound />;

  const acknowledge = async (injectId: string) => {
    setAcknowledging((current) => new Set(current).add(injectId));
    try {
      const answer = await acknowledgeInject(exerciseId, injectId);
      dispatch({ type: 'acknowledged', injectId, at: answer.acknowledged_at });
    } catch (failure) {
      setError(failure);
    } finally {
      setAcknowledging((current) => {
        const next = new Set(current);
        next.delete(injectId);
        return next;
      });
    }
  };

  const logAction = async (input: ActionInput) => {
    const entry = await createAction(exerciseId, organisationId, input);
    dispatch({ type: 'action.created', action: entry });
    void message.success(t('actions.saved'));
  };

  const injects = injectsOf(state);
  return (
    <>
      <Card className="console-head">
        <Space className="section-head" wrap>
          <Typography.Title level={1} className="page-title">
            {t('play.title')}
          </Typography.Title>
          {exercise && <Typography.Text type="secondary">{exerciseTitle(exercise, currentLanguage())}</Typography.Text>}
          <Link to={`/exercises/${exerciseId}/organisations/${organisationId}`}>{t('play.myOrganisation')}</Link>
          <Badge count={unread} role="status" aria-label={t('play.unreadCount', { count: unread })} data-testid="unread-count" />
        </Space>
        <ClockDisplay clock={clock} timeZone={exercise?.time_zone} />
        <ConnectionState status={status} />
      </Card>
      <FloorLayer floor={floor} />
      <BroadcastBanner broadcast={activeBroadcast(state)} onDismiss={(seq) => dispatch({ type: 'dismiss', seq })} />
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]} className="block-gap-top">
        <Col xs={24} lg={14}>
          <Card>
            <InjectFeed
              items={injects}
              reference={reference}
              acknowledging={acknowledging}
              onAcknowledge={(injectId) => void acknowledge(injectId)}
              onRead={(seq) => dispatch({ type: 'read', seq })}
              onLogAction={(injectId) => setPreset({ injectId, nonce: Date.now() })}
            />
          </Card>
          <Card className="block-gap-top">
            <OrganisationDeskPanel exerciseId={exerciseId} organisationId={organisationId} desk={desk} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card>
            <ActionLogForm injects={injects} reference={reference} preset={preset} onSubmit={logAction} />
          </Card>
          <ChosenObjectivesCard exerciseId={exerciseId} organisationId={organisationId} />
          <Card className="block-gap-top">
            <TeamTimeline injects={injects} actions={state.actions} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
