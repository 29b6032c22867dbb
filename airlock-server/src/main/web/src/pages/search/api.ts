import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { request } from '../../api';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** One recorded line holding every searched word, and where it is. */
export type RecordingMatch = Schemas['RecordingMatch'];
export type RecordingMatchPage = Schemas['RecordingMatchPage'];

export const SEARCH_PAGE_SIZE = 50;
export const MIN_QUERY = 2;
export const MAX_QUERY = 200;

export const searchKeys = {
  all: ['recordings', 'search'] as const,
  page: (q: string, page: number) => ['recordings', 'search', { q, page }] as const,
};

export function searchRecordings(q: string, page: number, signal?: AbortSignal): Promise<RecordingMatchPage> {
  const params = new URLSearchParams({ q, page: String(page), size: String(SEARCH_PAGE_SIZE) });
  return request<RecordingMatchPage>('GET', `/api/recordings/search?${params.toString()}`, { signal });
}

/** A page of matches; the previous page stays on screen while the next one loads. */
export function searchQuery(q: string, page: number) {
  return queryOptions({
    queryKey: searchKeys.page(q, page),
    queryFn: ({ signal }) => searchRecordings(q, page, signal),
    placeholderData: keepPreviousData,
  });
}

/** The player, at the moment the line first showed (whole seconds: the player seeks to a frame anyway). */
export function playerUrl(match: Pick<RecordingMatch, 'sessionId' | 'offsetSeconds'>): string {
  return `/sessions/${match.sessionId}/recording?t=${Math.floor(match.offsetSeconds)}`;
}

/** 75 seconds as 1:15, an hour and more as 1:02:03. */
export function formatOffset(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
