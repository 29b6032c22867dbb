import { Link } from 'react-router-dom';
import { CompassIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState icon={<CompassIcon width={32} height={32} />} title="There is no page at this address." testId="not-found">
        <p>
          The link may be out of date or mistyped. Go to <Link to="/sessions">Remote Sessions</Link> or use the menu.
        </p>
      </EmptyState>
    </>
  );
}
