import { GroupIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';

export function AccessGroupsPage() {
  return (
    <>
      <PageHeader
        title="Access Groups"
        description="Who may reach which equipment, when, and whether their sessions are recorded."
      />
      <EmptyState
        icon={<GroupIcon width={32} height={32} />}
        title="No access groups have been set up yet."
        testId="access-groups-empty"
      >
        <p>
          Each access group will appear here with its members, its equipment and access methods, the schedule during
          which access is allowed, and whether it enforces session recording.
        </p>
      </EmptyState>
    </>
  );
}
