import { Link } from 'react-router';
import { useHub } from '../../app';

/** The list / board switch over the tasks pages. */
export function TaskViews({ current }: { current: 'list' | 'board' }) {
  const { t } = useHub();
  return (
    <nav className="segmented" aria-label={t('taskLayout')}>
      <Link to="/tasks" className="btn btn-secondary" aria-current={current === 'list' ? 'page' : undefined}>{t('listView')}</Link>
      <Link to="/tasks/board" className="btn btn-secondary" aria-current={current === 'board' ? 'page' : undefined}>{t('boardView')}</Link>
    </nav>
  );
}
