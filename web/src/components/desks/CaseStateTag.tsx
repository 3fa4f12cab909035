import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../api/deskTypes';

// AA-contrast classes of styles.css.
const CLASSES: Record<CaseState, string> = {
  new: 'tag-warn',
  claimed: 'tag-info',
  waiting: 'tag-warn',
  answered: 'tag-ok',
  closed: 'tag-neutral',
};

export function CaseStateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Tag className={CLASSES[state]} data-testid="case-state">
      {t(`desks.state.${state}`)}
    </Tag>
  );
}
