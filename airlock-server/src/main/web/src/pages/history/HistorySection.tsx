import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { hasRole, SYSTEM_ADMINS, useCurrentUser } from '../../auth';
import type { HistoryEntry } from '../../types';
import { historyQueries, recordingUrl } from './api';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { viewFromUrl, viewToUrl, withFilters, type HistoryView } from './historyUrl';
import { RebuildFromBucket } from './RebuildFromBucket';
import { refreshInterval, type HistoryAction } from './recordingActions';
import { playerPath } from './RecordingPage';

/** Saves a file the server sends as an attachment, without leaving the page. */
function download(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Session History's past sessions: filters, order and page from the URL, so a view can be bookmarked. */
export function HistorySection({ onAudit }: { onAudit(entry: HistoryEntry): void }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const view = viewFromUrl(params);
  const history = useQuery({
    ...historyQueries.page(view),
    refetchInterval: (query) =>
      query.state.data === undefined ? false : (refreshInterval(query.state.data.items) ?? false),
  });
  // Each change is a new history entry: the back button returns to the previous view.
  const show = (next: HistoryView) => setParams(viewToUrl(next));

  function act(action: HistoryAction, entry: HistoryEntry) {
    if (action === 'audit') onAudit(entry);
    // The player's way back returns to this very view, filters and page included.
    else if (action === 'view') void navigate(playerPath(entry.id), { state: { historySearch: params.toString() } });
    else if (action === 'text')
      void navigate(playerPath(entry.id, { text: true }), { state: { historySearch: params.toString() } });
    else download(recordingUrl(entry.id, 'video', true));
  }

  return (
    <section className="history-section" aria-labelledby="history-heading" data-testid="history-section">
      <div className="section-header">
        <div>
          <h2 id="history-heading" className="section-title">
            History
          </h2>
          <p className="section-note">
            Recordings become available a few minutes after a session ends, once Recorded says Yes.
          </p>
        </div>
        <div className="section-tools">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={view.recordedOnly}
              onChange={(event) => show(withFilters(view, { recordedOnly: event.target.checked }))}
              data-testid="only-recorded"
            />
            Only Show Recorded Sessions
          </label>
          {hasRole(user, SYSTEM_ADMINS) && <RebuildFromBucket />}
        </div>
      </div>
      <HistoryFilters key={viewToUrl({ ...view, page: 0 }).toString()} view={view} onView={show} />
      <HistoryTable history={history} view={view} onView={show} onAction={act} />
    </section>
  );
}
