import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ErrorAlert';
import { Loading } from '../Loading';
import { ActionRecordSheetForm } from './ActionRecordSheetForm';
import { ObjectivesForm } from './ObjectivesForm';
import { ReadinessSurveyForm } from './ReadinessSurveyForm';
import { useEvaluationReference } from './useEvaluationReference';
import './evaluation.css';

interface Props {
  exerciseId: number;
  organisationId: number;
  canEdit: boolean; // the organisation's org lead
  canReopen: boolean; // the organiser
}

// The organisation's instruments on its page: 準備 (readiness survey before the day,
// verification objectives), 当日の振り返り (day-of items) and 行動記録シート.
export function EvaluationTabs({ exerciseId, organisationId, canEdit, canReopen }: Props) {
  const { t } = useTranslation();
  const { reference, error } = useEvaluationReference();
  const [objectivesVersion, setObjectivesVersion] = useState(0);
  if (error) return <ErrorAlert error={error} />;
  if (!reference) return <Loading />;
  const common = { exerciseId, organisationId, reference };
  return (
    <Tabs
      data-testid="evaluation-tabs"
      items={[
        {
          key: 'preparation',
          label: t('evaluation.tabs.preparation'),
          children: (
            <>
              <ReadinessSurveyForm {...common} part="before" canEdit={canEdit} canReopen={canReopen} />
              <div className="block-gap-top">
                <ObjectivesForm {...common} canEdit={canEdit} onSaved={() => setObjectivesVersion((v) => v + 1)} />
              </div>
            </>
          ),
        },
        {
          key: 'day_of',
          label: t('evaluation.tabs.dayOf'),
          children: <ReadinessSurveyForm {...common} part="day_of" canEdit={canEdit} canReopen={canReopen} />,
        },
        {
          key: 'sheet',
          label: t('evaluation.tabs.sheet'),
          children: <ActionRecordSheetForm {...common} canReopen={canReopen} version={objectivesVersion} />,
        },
      ]}
    />
  );
}
