import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { request } from '../../api';
import { keys } from '../../api/queries';
import type { components } from '../../api/schema';
import type { AuditInfo, HistoryEntry } from '../../types';
import { toApiParams, type HistoryView } from './historyUrl';

type Schemas = components['schemas'];

/** GET /api/sessions: one page of Session History and how many sessions match in all. */
export type SessionPage = Omit<Schemas['SessionPage'], 'items'> & { items: HistoryEntry[] };

/** POST /api/sessions/rebuild-from-bucket: recordings found under the prefix, rows created, rows already there. */
export type RebuildResult = Schemas['Result'];

function sessionPath(id: number, suffix = ''): string {
  return `/api/sessions/${encodeURIComponent(String(id))}${suffix}`;
}

export function listSessions(view: HistoryView, signal?: AbortSignal): Promise<SessionPage> {
  return request<SessionPage>('GET', `/api/sessions?${toApiParams(view).toString()}`, { signal });
}

/** View Full Auditing Info: the session, and where its recording is stored with its timeline. */
export function fetchAuditInfo(id: number, signal?: AbortSignal): Promise<AuditInfo> {
  return request<AuditInfo>('GET', sessionPath(id), { signal });
}

export function rebuildFromBucket(): Promise<RebuildResult> {
  return request<RebuildResult>('POST', '/api/sessions/rebuild-from-bucket', { body: {} });
}

export type RecordingFormat = 'video' | 'cast';

/** Where the browser streams (or, with download, saves) a session's recording from. */
export function recordingUrl(id: number, format: RecordingFormat = 'video', download = false): string {
  const params = new URLSearchParams();
  if (format !== 'video') params.set('format', format);
  if (download) params.set('download', 'true');
  const query = params.toString();
  return sessionPath(id, '/recording') + (query === '' ? '' : `?${query}`);
}

export const historyQueries = {
  page: (view: HistoryView) =>
    queryOptions({
      queryKey: [...keys.sessions.history, toApiParams(view).toString()] as const,
      queryFn: ({ signal }) => listSessions(view, signal),
      // The rows of the last page stay in place while the next one loads, so paging does not flash.
      placeholderData: keepPreviousData,
    }),
  audit: (id: number) =>
    queryOptions({ queryKey: ['sessions', 'audit', id] as const, queryFn: ({ signal }) => fetchAuditInfo(id, signal) }),
};
