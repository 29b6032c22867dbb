import { HistoryIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';

export function SessionHistoryPage() {
  return (
    <>
      <PageHeader
        title="Session History"
        description="Every remote session opened through Airlock, for review and audit."
      />
      <EmptyState
        icon={<HistoryIcon width={32} height={32} />}
        title="No sessions have taken place yet."
        testId="session-history-empty"
      >
        <p>
          Each session will be listed here with the user, the equipment and access method, its start and end time,
          and whether it was recorded. Recordings become available to view in the browser or download as MP4 once
          their conversion has finished.
        </p>
      </EmptyState>
    </>
  );
}
