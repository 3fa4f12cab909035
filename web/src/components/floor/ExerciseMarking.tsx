import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { markedTitle } from '../../floor/floorState';

// The exercise marking (演習表示) on every page: a banner at the top of the screen that
// nobody can close, repeated at the top and bottom of every printed page (styles.css
// @media print), and 【演習】 in front of the window title whatever a page sets, so that
// a screenshot, a printout or a forwarded tab cannot be mistaken for a real incident.
export function ExerciseMarking() {
  const { t } = useTranslation();

  useEffect(() => {
    const mark = () => {
      const marked = markedTitle(document.title);
      if (marked !== document.title) document.title = marked;
    };
    mark();
    // Pages set document.title themselves (e.g. the unread count): mark every change.
    const observer = new MutationObserver(mark);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  return (
    <>
      <div className="exercise-marking" role="note" aria-label={t('floor.marking.label')} data-testid="exercise-marking">
        <span lang="ja">{t('floor.marking.ja')}</span> <span lang="en">{t('floor.marking.en')}</span>
        <span className="exercise-marking-note">{t('floor.marking.note')}</span>
      </div>
      <div className="exercise-marking-print-footer" aria-hidden="true">
        {t('floor.marking.ja')} {t('floor.marking.en')} — {t('floor.marking.note')}
      </div>
    </>
  );
}
