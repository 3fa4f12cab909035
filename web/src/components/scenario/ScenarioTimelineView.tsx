import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Inject, Scene } from '../../api/scenarioTypes';
import { currentLanguage } from '../../i18n';
import { localText } from '../../live/localText';
import { layoutTimeline } from './timelineLayout';

export type MarkerStatus = 'pending' | 'released' | 'late';

interface Props {
  scenes: readonly Scene[];
  injects: readonly Inject[];
  // Status per inject id (controller console); absent = plain scenario view.
  statuses?: ReadonlyMap<string, MarkerStatus>;
  onSelect?: (index: number) => void;
}

const LANE_HEIGHT = 30;

// The timeline view: scenes as bands, injects placed on each scene's scenario-time axis.
// Markers are buttons (keyboard and screen readers reach them) labelled with time and title.
export function ScenarioTimelineView({ scenes, injects, statuses, onSelect }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const layout = layoutTimeline(scenes, injects);
  return (
    <div className="timeline" data-testid="scenario-timeline">
      {layout.bands.map(({ scene, placed, lanes }) => (
        <section key={scene.id} className="timeline__band" aria-label={t('scenario.timeline.scene', { title: localText(scene.title, language) })}>
          <div className="timeline__head">
            <Typography.Text strong>{localText(scene.title, language)}</Typography.Text>
            <Typography.Text type="secondary">
              {t('scenario.timeline.range', { start: scene.starts_at, end: scene.ends_at, speed: scene.speed })}
            </Typography.Text>
          </div>
          <div className="timeline__axis" style={{ height: lanes * LANE_HEIGHT + 8 }}>
            {placed.map(({ index, percent, lane }) => {
              const inject = injects[index];
              if (!inject) return null;
              const status = statuses?.get(inject.id);
              const label = `${inject.at} ${inject.id} ${localText(inject.title, language)}`;
              return (
                <Tooltip key={`${inject.id}-${index}`} title={label}>
                  <button
                    type="button"
                    className={`timeline__marker${status ? ` timeline__marker--${status}` : ''}`}
                    style={{ left: `${percent}%`, top: lane * LANE_HEIGHT + 4 }}
                    aria-label={status ? `${label} (${t(`injectStatus.${status}`)})` : label}
                    onClick={() => onSelect?.(index)}
                  >
                    {inject.id}
                  </button>
                </Tooltip>
              );
            })}
          </div>
        </section>
      ))}
      {layout.unplaced.length > 0 && (
        <Typography.Paragraph type="warning" className="block-gap-top">
          {t('scenario.timeline.unplaced', {
            ids: layout.unplaced.map((index) => injects[index]?.id || `#${index + 1}`).join(', '),
          })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
