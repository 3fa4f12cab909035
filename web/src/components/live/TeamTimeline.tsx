import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionEntry } from '../../api/liveTypes';
import { currentLanguage } from '../../i18n';
import type { FeedInject } from '../../live/consoleReducer';
import { localText } from '../../live/localText';
import { StatusTag } from './StatusTag';

export type TimelineEntry =
  | { kind: 'inject'; minutes: number; wallUs: number; item: FeedInject }
  | { kind: 'action'; minutes: number; wallUs: number; item: ActionEntry };

// Injects received and actions recorded, in scenario-time order (wall time breaks ties).
export function teamTimelineEntries(injects: readonly FeedInject[], actions: readonly ActionEntry[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...injects.map((item) => ({ kind: 'inject' as const, minutes: item.payload.scenario_minutes, wallUs: item.releasedAtUs, item })),
    ...actions.map((item) => ({ kind: 'action' as const, minutes: item.scenario_minutes, wallUs: item.wall_at_us, item })),
  ];
  return entries.sort((a, b) => a.minutes - b.minutes || a.wallUs - b.wallUs);
}

// The team's own timeline of injects and actions.
export function TeamTimeline({ injects, actions }: { injects: readonly FeedInject[]; actions: readonly ActionEntry[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const entries = teamTimelineEntries(injects, actions);
  return (
    <section aria-labelledby="team-timeline-heading">
      <h2 id="team-timeline-heading" className="section-title ant-typography block-gap">
        {t('teamTimeline.title')}
      </h2>
      {entries.length === 0 ? (
        <Empty description={t('teamTimeline.empty')} />
      ) : (
        <Timeline
          data-testid="team-timeline"
          items={entries.map((entry) =>
            entry.kind === 'inject'
              ? {
                  key: `i-${entry.item.seq}`,
                  color: 'blue',
                  content: (
                    <div>
                      <Typography.Text strong>{entry.item.payload.scenario_time}</Typography.Text>{' '}
                      <Tag>{t('teamTimeline.inject')}</Tag>
                      <span>{localText(entry.item.payload.title, language)}</span>
                    </div>
                  ),
                }
              : {
                  key: `a-${entry.item.id}`,
                  color: 'green',
                  content: (
                    <div data-testid="timeline-action">
                      <Typography.Text strong>{entry.item.scenario_time}</Typography.Text>{' '}
                      <StatusTag kind="ok">{t(`decisionType.${entry.item.decision_type}`)}</StatusTag>
                      {entry.item.objective !== null && <Tag>{t('teamTimeline.objective', { id: entry.item.objective })}</Tag>}
                      <Typography.Text type="secondary">{entry.item.person_name}</Typography.Text>
                      <div className="pre-wrap">{entry.item.text}</div>
                    </div>
                  ),
                },
          )}
        />
      )}
    </section>
  );
}
