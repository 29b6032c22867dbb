import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { queries } from '../../api/queries';
import { SelectField, TextField } from '../../components/Field';
import { protocolLabel } from '../../labels';
import { PROTOCOLS, type EndReason, type Protocol } from '../../types';
import { DEFAULT_VIEW, END_REASONS, fromLocalInput, isFiltered, toLocalInput, withFilters, type HistoryView } from './historyUrl';

const END_REASON_LABELS: Readonly<Record<EndReason, string>> = {
  CLOSED_BY_USER: 'Closed by user',
  TERMINATED_BY_ADMIN: 'Terminated by admin',
  EQUIPMENT_CLOSED: 'Equipment closed the connection',
  ERROR: 'Error',
  ACCESS_ENDED: 'Access ended',
  GATEWAY_STOPPED: 'Gateway stopped',
  GATEWAY_RESTARTED: 'Gateway restarted',
  NODE_STOPPED: 'Gateway node stopped',
};

interface Draft {
  user: string;
  groupId: string;
  assetId: string;
  protocol: string;
  from: string;
  to: string;
  endReason: string;
}

function draftOf(view: HistoryView): Draft {
  return {
    user: view.user ?? '',
    groupId: view.groupId === null ? '' : String(view.groupId),
    assetId: view.assetId === null ? '' : String(view.assetId),
    protocol: view.protocol ?? '',
    from: toLocalInput(view.from),
    to: toLocalInput(view.to),
    endReason: view.endReason ?? '',
  };
}

/**
 * Session History's filters. They apply together when submitted, so a half-typed user name does not
 * fetch a page per keystroke; the page remounts this form (a new key) when the URL changes underneath it.
 */
export function HistoryFilters({ view, onView }: { view: HistoryView; onView(view: HistoryView): void }) {
  const [draft, setDraft] = useState(() => draftOf(view));
  const groups = useQuery(queries.groups);
  const options = useQuery(queries.groupOptions);
  const assets = new Map((options.data?.methods ?? []).map((m) => [m.assetId, m.assetName]));
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const from = fromLocalInput(draft.from);
  const to = fromLocalInput(draft.to);
  const rangeError =
    from !== null && to !== null && Date.parse(from) >= Date.parse(to) ? 'The end must be after the start.' : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rangeError !== undefined) return;
    onView(
      withFilters(view, {
        user: draft.user.trim() === '' ? null : draft.user.trim(),
        groupId: draft.groupId === '' ? null : Number(draft.groupId),
        assetId: draft.assetId === '' ? null : Number(draft.assetId),
        protocol: draft.protocol === '' ? null : (draft.protocol as Protocol),
        from,
        to,
        endReason: draft.endReason === '' ? null : (draft.endReason as EndReason),
      }),
    );
  }

  return (
    <form
      className="history-filters"
      onSubmit={submit}
      aria-label="Filter Session History"
      data-testid="history-filters"
    >
      <TextField
        id="filter-user"
        label="User"
        value={draft.user}
        onChange={set('user')}
        list="filter-user-names"
        autoComplete="off"
      />
      <datalist id="filter-user-names">
        {(options.data?.users ?? []).map((u) => (
          <option key={u.id} value={u.username} />
        ))}
      </datalist>
      <SelectField id="filter-group" label="Group" value={draft.groupId} onChange={set('groupId')}>
        <option value="">Any group</option>
        <option value="0">All Access Method</option>
        {(groups.data ?? [])
          .filter((g) => g.id !== 0)
          .map((g) => (
            <option key={g.id} value={String(g.id)}>
              {g.name}
            </option>
          ))}
      </SelectField>
      <SelectField id="filter-asset" label="Asset" value={draft.assetId} onChange={set('assetId')}>
        <option value="">Any asset</option>
        {[...assets].map(([id, name]) => (
          <option key={id} value={String(id)}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField id="filter-protocol" label="Protocol" value={draft.protocol} onChange={set('protocol')}>
        <option value="">Any protocol</option>
        {PROTOCOLS.map((p) => (
          <option key={p} value={p}>
            {protocolLabel(p)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="filter-from"
        label="Started from"
        type="datetime-local"
        value={draft.from}
        onChange={set('from')}
      />
      <TextField
        id="filter-to"
        label="Started before"
        type="datetime-local"
        value={draft.to}
        onChange={set('to')}
        error={rangeError}
      />
      <SelectField id="filter-end-reason" label="End reason" value={draft.endReason} onChange={set('endReason')}>
        <option value="">Any end reason</option>
        {END_REASONS.map((r) => (
          <option key={r} value={r}>
            {END_REASON_LABELS[r]}
          </option>
        ))}
      </SelectField>
      <div className="history-filters-actions">
        <button type="submit" className="button button-primary" data-testid="history-filters-apply">
          Apply filters
        </button>
        {isFiltered(view) && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onView({ ...DEFAULT_VIEW, sort: view.sort, descending: view.descending })}
            data-testid="history-filters-clear"
          >
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
