import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../api/deskTypes';

const COLOURS: Record<CaseState, string> = {
  new: 'red',
  claimed: 'gold',
  waiting: 'orange',
  answered: 'green',
  closed: 'default',
};

export function CaseStateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[state]} data-testid="case-state">
      {t(`desks.state.${state}`)}
    </Tag>
  );
}
