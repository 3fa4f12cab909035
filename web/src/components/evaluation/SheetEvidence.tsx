import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceAction, EvidenceInject } from '../../api/evaluationTypes';
import { currentLanguage } from '../../i18n';
import { timestamp } from '../labels';

// What happened in play for one objective: injects tagged with it and the organisation's
// action-log entries recorded against it.
export function SheetEvidence({ actions, injects }: { actions: EvidenceAction[]; injects: EvidenceInject[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div className="evaluation-evidence" data-testid="sheet-evidence">
      <Typography.Text strong>{t('evaluation.sheet.injects')}</Typography.Text>
      {injects.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('evaluation.sheet.noInjects')}</Typography.Paragraph>
      ) : (
        <ul>
          {injects.map((inject) => (
            <li key={inject.inject_id}>
              {inject.scenario_time} {language === 'en' && inject.title.en ? inject.title.en : inject.title.ja}{' '}
              {inject.released ? (
                <Tag className="tag-info">{t('evaluation.sheet.releasedAt', { time: timestamp(inject.released_at, language) })}</Tag>
              ) : (
                <Tag className="tag-neutral">{t('evaluation.sheet.notReleased')}</Tag>
              )}
            </li>
          ))}
        </ul>
      )}
      <Typography.Text strong>{t('evaluation.sheet.actions')}</Typography.Text>
      {actions.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('evaluation.sheet.noActions')}</Typography.Paragraph>
      ) : (
        <ul>
          {actions.map((action) => (
            <li key={action.id}>
              {action.scenario_time ?? timestamp(action.created_at, language)} {action.person_name}: {action.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
