import { App as AntApp, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockCommand } from '../../api/liveEndpoints';
import { currentLanguage } from '../../i18n';
import type { ClockModel } from '../../live/clockMath';
import { localText } from '../../live/localText';

interface Props {
  clock: ClockModel | null;
  busy: boolean;
  onCommand: (command: ClockCommand) => Promise<void>;
  onJump: (sceneId: string) => Promise<void>;
}

// Start, pause, resume, jump to a scene and end, each after a confirmation. Only the
// commands that make sense in the current state are enabled.
export function ClockControls({ clock, busy, onCommand, onJump }: Props) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const [scene, setScene] = useState<string | undefined>(undefined);
  const language = currentLanguage();
  const state = clock?.state ?? 'scheduled';

  const confirm = async (title: string, content: string, run: () => Promise<void>, danger = false) => {
    const ok = await modal.confirm({
      title,
      content,
      okText: t('common.yes'),
      cancelText: t('common.cancel'),
      okButtonProps: danger ? { danger: true } : undefined,
    });
    if (ok) await run();
  };

  const sceneTitle = clock?.scenes.find((s) => s.id === scene)?.title;
  return (
    <Space wrap className="clock-controls" aria-label={t('control.clockControls')} role="group">
      <Button
        type="primary"
        disabled={busy || state !== 'scheduled'}
        onClick={() => void confirm(t('control.startConfirm'), t('control.startConfirmHelp'), () => onCommand('start'))}
      >
        {t('control.start')}
      </Button>
      <Button disabled={busy || state !== 'running'} onClick={() => void confirm(t('control.pauseConfirm'), t('control.pauseConfirmHelp'), () => onCommand('pause'))}>
        {t('control.pause')}
      </Button>
      <Button
        type={state === 'paused' ? 'primary' : 'default'}
        disabled={busy || state !== 'paused'}
        onClick={() => void confirm(t('control.resumeConfirm'), t('control.resumeConfirmHelp'), () => onCommand('resume'))}
      >
        {t('control.resume')}
      </Button>
      <label htmlFor="clock-jump-scene" className="visually-hidden">
        {t('control.jumpScene')}
      </label>
      <Select
        id="clock-jump-scene"
        placeholder={t('control.jumpScene')}
        className="select-wide"
        value={scene}
        onChange={setScene}
        disabled={busy || state === 'scheduled' || state === 'ended'}
        options={(clock?.scenes ?? []).map((s) => ({ value: s.id, label: `${s.starts_at} ${localText(s.title, language)}` }))}
      />
      <Button
        disabled={busy || !scene || state === 'scheduled' || state === 'ended'}
        onClick={() =>
          scene &&
          void confirm(
            t('control.jumpConfirm', { scene: localText(sceneTitle, language) || scene }),
            t('control.jumpConfirmHelp'),
            () => onJump(scene),
          )
        }
      >
        {t('control.jump')}
      </Button>
      <Button danger disabled={busy || state === 'ended' || state === 'scheduled'} onClick={() => void confirm(t('control.endConfirm'), t('control.endConfirmHelp'), () => onCommand('end'), true)}>
        {t('control.end')}
      </Button>
    </Space>
  );
}
