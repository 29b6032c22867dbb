import type { EndReason, Protocol } from '../../types';
import { PROTOCOLS } from '../../types';

/** The columns Session History sorts by, as the API names them. */
export const SORT_COLUMNS = ['startedAt', 'user', 'group', 'asset', 'protocol', 'bytesFromEquipment'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const END_REASONS: readonly EndReason[] = [
  'CLOSED_BY_USER',
  'TERMINATED_BY_ADMIN',
  'EQUIPMENT_CLOSED',
  'ERROR',
  'ACCESS_ENDED',
  'GATEWAY_STOPPED',
  'GATEWAY_RESTARTED',
  'NODE_STOPPED',
];

export const PAGE_SIZE = 25;

/** What Session History shows: its filters, order and page. All of it lives in the page's URL. */
export interface HistoryView {
  user: string | null;
  groupId: number | null;
  assetId: number | null;
  protocol: Protocol | null;
  /** ISO-8601 instants; sessions started at or after `from` and before `to`. */
  from: string | null;
  to: string | null;
  endReason: EndReason | null;
  /** Only Show Recorded Sessions. */
  recordedOnly: boolean;
  sort: SortColumn;
  descending: boolean;
  /** Zero-based, as the API counts; the URL shows it from 1. */
  page: number;
}

export const DEFAULT_VIEW: HistoryView = {
  user: null,
  groupId: null,
  assetId: null,
  protocol: null,
  from: null,
  to: null,
  endReason: null,
  recordedOnly: false,
  sort: 'startedAt',
  descending: true,
  page: 0,
};

function text(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim() ?? '';
  return value === '' ? null : value;
}

function id(params: URLSearchParams, name: string): number | null {
  const value = text(params, name);
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

function instant(params: URLSearchParams, name: string): string | null {
  const value = text(params, name);
  return value !== null && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

/**
 * The view a page URL asks for. A value the page cannot use (a hand-edited or stale link) falls back to
 * "any" rather than failing the page.
 */
export function viewFromUrl(params: URLSearchParams): HistoryView {
  const page = Number(text(params, 'page') ?? '1');
  return {
    user: text(params, 'user'),
    groupId: id(params, 'groupId'),
    assetId: id(params, 'assetId'),
    protocol: oneOf(PROTOCOLS, text(params, 'protocol')?.toUpperCase() ?? null),
    from: instant(params, 'from'),
    to: instant(params, 'to'),
    endReason: oneOf(END_REASONS, text(params, 'endReason')),
    recordedOnly: params.get('recordedOnly') === 'true',
    sort: oneOf(SORT_COLUMNS, text(params, 'sort')) ?? DEFAULT_VIEW.sort,
    descending: params.get('direction') !== 'asc',
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

/** The filters and order as query parameters, leaving out what is at its default so links stay short. */
function filterParams(view: HistoryView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.user !== null) params.set('user', view.user);
  if (view.groupId !== null) params.set('groupId', String(view.groupId));
  if (view.assetId !== null) params.set('assetId', String(view.assetId));
  if (view.protocol !== null) params.set('protocol', view.protocol);
  if (view.from !== null) params.set('from', view.from);
  if (view.to !== null) params.set('to', view.to);
  if (view.endReason !== null) params.set('endReason', view.endReason);
  if (view.recordedOnly) params.set('recordedOnly', 'true');
  if (view.sort !== DEFAULT_VIEW.sort) params.set('sort', view.sort);
  if (!view.descending) params.set('direction', 'asc');
  return params;
}

/** The page URL's query for a view: what viewFromUrl reads back to the same view. */
export function viewToUrl(view: HistoryView): URLSearchParams {
  const params = filterParams(view);
  if (view.page > 0) params.set('page', String(view.page + 1));
  return params;
}

/** GET /api/sessions's parameters for a view. */
export function toApiParams(view: HistoryView, size = PAGE_SIZE): URLSearchParams {
  const params = filterParams(view);
  params.set('page', String(view.page));
  params.set('size', String(size));
  return params;
}

/** A change of filter or order starts again at the first page: the old page number means nothing there. */
export function withFilters(view: HistoryView, change: Partial<Omit<HistoryView, 'page'>>): HistoryView {
  return { ...view, ...change, page: 0 };
}

/** Whether any filter narrows the list (the order and page do not). */
export function isFiltered(view: HistoryView): boolean {
  return filterParams({ ...view, sort: DEFAULT_VIEW.sort, descending: true }).size > 0;
}

/** An instant as a datetime-local input shows it: the browser's local time, to the minute. */
export function toLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input's value (local time) as an instant, or null when empty. */
export function fromLocalInput(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
