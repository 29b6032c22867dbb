import { Link } from 'react-router-dom';
import { LockIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';

export function ForbiddenPage() {
  return (
    <>
      <PageHeader title="Not available" />
      <EmptyState icon={<LockIcon width={32} height={32} />} title="Your role does not include this page." testId="forbidden">
        <p>
          If you need it, ask a System Admin to change your role. Go to <Link to="/sessions">Remote Sessions</Link>.
        </p>
      </EmptyState>
    </>
  );
}
