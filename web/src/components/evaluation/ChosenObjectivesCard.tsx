import { Card, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getEvaluationReference, getObjectives } from '../../api/evaluationEndpoints';
import type { ChosenObjective, ObjectiveReference } from '../../api/evaluationTypes';
import { objectiveTitle } from '../../evaluation/evaluationForms';
import { currentLanguage } from '../../i18n';

// The organisation's chosen verification objectives, shown in the participant console
// so the team keeps them in mind during play (nothing when none are chosen).
export function ChosenObjectivesCard({ exerciseId, organisationId }: { exerciseId: number; organisationId: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [chosen, setChosen] = useState<ChosenObjective[]>([]);
  const [reference, setReference] = useState<ObjectiveReference[]>([]);
  useEffect(() => {
    getObjectives(exerciseId, organisationId).then(
      (answer) => setChosen(answer.items),
      () => setChosen([]),
    );
    getEvaluationReference().then(
      (answer) => setReference(answer.objectives),
      () => setReference([]),
    );
  }, [exerciseId, organisationId]);
  if (chosen.length === 0) return null;
  return (
    <Card size="small" className="block-gap-top" data-testid="console-objectives">
      <Typography.Title level={2} className="section-title">
        {t('evaluation.objectives.consoleTitle')}
      </Typography.Title>
      <ul>
        {chosen.map((objective) => (
          <li key={objective.key}>
            {objective.objective_id === 10 ? `⑩-${objective.custom_index}` : `${objective.objective_id}.`}{' '}
            {objectiveTitle(objective, reference, language)}
          </li>
        ))}
      </ul>
    </Card>
  );
}
