import type { HistoryEntry, Protocol } from '../../types';

/** Protocols whose recording also keeps the raw terminal output (.cast), shown as text. */
const TERMINAL_PROTOCOLS: readonly Protocol[] = ['SSH', 'TELNET'];

export type HistoryAction = 'audit' | 'view' | 'download' | 'text';

/**
 * The Actions a row offers now. View Full Auditing Info is always there; the recording's options appear
 * once it is in the bucket (Recorded = Yes), which can take several minutes after the session ends. A
 * User sees none of it: the page is not theirs.
 */
export function availableActions(entry: Pick<HistoryEntry, 'recordingStatus' | 'protocol'>): HistoryAction[] {
  if (entry.recordingStatus !== 'READY') return ['audit'];
  return isTerminal(entry.protocol) ? ['audit', 'view', 'text', 'download'] : ['audit', 'view', 'download'];
}

export function isTerminal(protocol: Protocol): boolean {
  return TERMINAL_PROTOCOLS.includes(protocol);
}

/**
 * History refreshes on its own only while a visible row's recording is under way, so that Recorded turns
 * to Yes without a reload: often while a video is being made, less often while a session records or the
 * bucket cannot be reached (FAILED is retried on the same slower beat).
 */
export const PROCESSING_REFRESH_MS = 2000;
export const RECORDING_REFRESH_MS = 10000;

/** How soon the history should look again, or null when no visible recording is under way. */
export function refreshInterval(rows: readonly Pick<HistoryEntry, 'recordingStatus'>[]): number | null {
  if (rows.some((row) => row.recordingStatus === 'PROCESSING')) return PROCESSING_REFRESH_MS;
  if (rows.some((row) => IN_PROGRESS.includes(row.recordingStatus))) return RECORDING_REFRESH_MS;
  return null;
}

const IN_PROGRESS: readonly HistoryEntry['recordingStatus'][] = ['RECORDING', 'WAITING_FOR_STORAGE', 'FAILED'];
