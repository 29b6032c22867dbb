import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  fromLocalInput,
  isFiltered,
  toApiParams,
  toLocalInput,
  viewFromUrl,
  viewToUrl,
  withFilters,
  type HistoryView,
} from './historyUrl';

const FILTERED: HistoryView = {
  user: 'alice',
  groupId: 7,
  assetId: 12,
  protocol: 'SSH',
  from: '2026-11-01T08:00:00.000Z',
  to: '2026-11-02T08:00:00.000Z',
  endReason: 'TERMINATED_BY_ADMIN',
  recordedOnly: true,
  sort: 'bytesFromEquipment',
  descending: false,
  page: 2,
};

describe('Session History view in the URL', () => {
  it('reads back every filter, the order and the page it wrote', () => {
    expect(viewFromUrl(viewToUrl(FILTERED))).toEqual(FILTERED);
  });

  it('keeps a plain URL for the default view: newest first, first page, no filters', () => {
    expect(viewToUrl(DEFAULT_VIEW).toString()).toBe('');
    expect(viewFromUrl(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it('counts pages from 1 in the URL and from 0 for the API', () => {
    const view = viewFromUrl(new URLSearchParams('page=3&recordedOnly=true'));
    expect(view.page).toBe(2);
    const api = toApiParams(view, 25);
    expect(api.get('page')).toBe('2');
    expect(api.get('size')).toBe('25');
    expect(api.get('recordedOnly')).toBe('true');
  });

  it('falls back to "any" for values a hand-edited link cannot mean', () => {
    const view = viewFromUrl(
      new URLSearchParams('groupId=abc&protocol=FTP&from=yesterday&endReason=BORED&sort=colour&page=-4'),
    );
    expect(view).toEqual(DEFAULT_VIEW);
  });

  it('accepts a protocol in lower case, as someone may type it', () => {
    expect(viewFromUrl(new URLSearchParams('protocol=telnet')).protocol).toBe('TELNET');
  });

  it('starts again at the first page when a filter changes', () => {
    expect(withFilters(FILTERED, { user: 'bob' })).toMatchObject({ user: 'bob', page: 0, groupId: 7 });
  });

  it('tells a filtered view from a merely sorted or paged one', () => {
    expect(isFiltered({ ...DEFAULT_VIEW, sort: 'user', page: 4 })).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, recordedOnly: true })).toBe(true);
  });

  it('turns a time range typed in local time into instants and back', () => {
    const instant = fromLocalInput('2026-11-29T08:30');
    expect(instant).not.toBeNull();
    expect(toLocalInput(instant)).toBe('2026-11-29T08:30');
    expect(fromLocalInput('')).toBeNull();
  });
});
