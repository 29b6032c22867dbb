import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { SearchIcon } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ResourceStates } from '../../components/States';
import { columnsFor, DataTable, type TableColumn } from '../../components/table/DataTable';
import { protocolLabel } from '../../labels';
import type { Protocol } from '../../types';
import { Started } from '../history/cells';
import { formatOffset, MAX_QUERY, MIN_QUERY, playerUrl, searchQuery, SEARCH_PAGE_SIZE, type RecordingMatch } from './api';
import { Highlighted, queryWords } from './Highlighted';
import './search.css';

const column = columnsFor<RecordingMatch>();

function columns(words: readonly string[]): TableColumn<RecordingMatch>[] {
  return [
    column.display({
      id: 'session',
      header: 'Session',
      meta: { rowHeader: true, className: 'cell-username' },
      cell: ({ row: { original: m } }) => (
        <>
          {m.username}
          <span className="cell-subtle">#{m.sessionId}</span>
        </>
      ),
    }),
    column.display({
      id: 'asset',
      header: 'Asset',
      cell: ({ row: { original: m } }) => (
        <>
          <span className="cell-asset-name">{m.assetName}</span>
          <span className="cell-subtle">{protocolLabel(m.protocol as Protocol)}</span>
        </>
      ),
    }),
    column.display({
      id: 'started',
      header: 'Started',
      meta: { className: 'cell-date' },
      cell: ({ row }) => <Started iso={row.original.startedAt} />,
    }),
    column.display({
      id: 'at',
      header: 'Time in recording',
      cell: ({ row: { original: m } }) => (
        <Link to={playerUrl(m)} className="search-at" data-testid={`search-open-${m.sessionId}-${m.offsetSeconds}`}>
          {formatOffset(m.offsetSeconds)}
          <span className="visually-hidden"> – play session #{m.sessionId} from here</span>
        </Link>
      ),
    }),
    column.display({
      id: 'line',
      header: 'On the screen',
      meta: { className: 'cell-wrap' },
      cell: ({ row: { original: m } }) => (
        <>
          <Highlighted line={m.line} words={words} />
          {m.recordingStatus === 'EXPIRED' && (
            <span className="badge badge-neutral badge-inline" title="The bucket's retention policy removed the video.">
              Expired
            </span>
          )}
        </>
      ),
    }),
  ];
}

/** Counting stops at the server's cap: then the count says so, and more words narrow the search. */
function countLabel(total: number, capped: boolean): string {
  if (capped) return `At least ${total.toLocaleString()} lines found; add words to narrow the search.`;
  return total === 1 ? '1 line found' : `${total.toLocaleString()} lines found`;
}

function validate(q: string): string | null {
  const trimmed = q.trim();
  if (trimmed.length < MIN_QUERY || trimmed.length > MAX_QUERY) {
    return `Enter ${MIN_QUERY} to ${MAX_QUERY} characters.`;
  }
  return queryWords(trimmed).length === 0 ? 'Enter at least one word of letters or digits.' : null;
}

/**
 * Search Recordings: what the recorded terminal screens showed, every word of the query on one line, newest
 * session first; each match opens the player at the moment the line appeared. The query and page live in
 * the URL, so a search can be bookmarked and Back returns to it from the player.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const [draft, setDraft] = useState(q);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const inputId = useId();
  const valid = q !== '' && validate(q) === null;
  const results = useQuery({ ...searchQuery(q, page), enabled: valid });
  const words = queryWords(q);

  function submit(event: FormEvent) {
    event.preventDefault();
    const error = validate(draft);
    setFieldError(error);
    if (error === null) setParams({ q: draft.trim() });
  }

  const items = results.data?.items ?? [];
  const total = results.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title="Search Recordings"
        description="Find what the recorded terminal screens showed, and open the recording at that moment."
      />
      <form className="search-form" role="search" onSubmit={submit} noValidate>
        <div className="field search-field">
          <label className="field-label" htmlFor={inputId}>
            Words on the screen
          </label>
          <input
            id={inputId}
            className="input"
            type="search"
            value={draft}
            maxLength={MAX_QUERY}
            onChange={(e) => setDraft(e.target.value)}
            aria-invalid={fieldError !== null}
            aria-describedby={fieldError !== null ? `${inputId}-error` : `${inputId}-hint`}
            data-testid="search-query"
          />
          {fieldError !== null ? (
            <span className="field-error" id={`${inputId}-error`} data-testid="search-query-error">
              {fieldError}
            </span>
          ) : (
            <span className="field-hint" id={`${inputId}-hint`}>
              Every word must be on the line; case does not matter.
            </span>
          )}
        </div>
        <button type="submit" className="button button-primary" data-testid="search-submit">
          Search
        </button>
      </form>
      {!valid ? (
        <EmptyState icon={<SearchIcon />} title="Search inside terminal recordings" testId="search-start">
          Enter words an operator typed or the equipment printed, such as a command or an error message.
        </EmptyState>
      ) : (
        <ResourceStates
          query={results}
          count={items.length}
          loadingLabel="Searching the recordings…"
          errorTitle="The search did not complete"
          errorTestId="search-error"
          empty={
            <EmptyState icon={<SearchIcon />} title="No recorded line holds all these words" testId="search-empty">
              Try fewer words, or other spellings.
            </EmptyState>
          }
        >
          {() => (
            <section aria-labelledby="search-results-heading" data-testid="search-results">
              <h2 className="visually-hidden" id="search-results-heading">
                Results
              </h2>
              <p className="toolbar-count" role="status" data-testid="search-count">
                {countLabel(total, results.data?.totalCapped ?? false)}
              </p>
              <DataTable
                columns={columns(words)}
                rows={items}
                caption={`Recorded lines holding ${words.join(', ')}`}
                rowId={(m) => `${m.sessionId}-${m.offsetSeconds}-${m.line}`}
                testId="search-table"
                paging={{
                  state: { pageIndex: page, pageSize: SEARCH_PAGE_SIZE },
                  rowCount: total,
                  onChange: (next) => setParams({ q, page: String(next.pageIndex) }),
                }}
              />
            </section>
          )}
        </ResourceStates>
      )}
    </>
  );
}
