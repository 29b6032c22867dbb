import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { pageHeading, useDeferredFocus } from '../../components/access/useDeferredFocus';
import { summarizeWindow } from '../../components/access/schedule';
import { GroupIcon } from '../../components/Icons';
import { ListPage, RowButton, useRowActions } from '../../components/ListPage';
import { EmptyState } from '../../components/States';
import { ResourceTable } from '../../components/TableHead';
import { protocolLabel } from '../../labels';
import type { AccessGroup, AccessGroupInput, GroupMethodOption } from '../../types';
import { queries } from '../../api/queries';
import './access-groups.css';
import { GroupDialog } from './GroupDialog';
import { useDeleteGroup, useSaveGroup } from './mutations';

/** How many members or methods a table cell names before summarising the rest. */
const CELL_LIST_MAX = 3;

type DialogState = { kind: 'create' } | { kind: 'edit'; group: AccessGroup } | { kind: 'delete'; group: AccessGroup } | null;

function byName(a: AccessGroup, b: AccessGroup): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
}

function methodOptionLabel(method: GroupMethodOption): string {
  return `${method.assetName} · ${protocolLabel(method.protocol)}`;
}

function toInput(group: AccessGroup, changes: Partial<AccessGroupInput> = {}): AccessGroupInput {
  const { id: _id, ...input } = group;
  return { ...input, ...changes };
}

export function AccessGroupsPage() {
  const groupsQuery = useQuery(queries.groups);
  const optionsQuery = useQuery(queries.groupOptions);
  const save = useSaveGroup();
  const remove = useDeleteGroup();
  const query = groupsQuery.isError ? groupsQuery : optionsQuery.isError || optionsQuery.isPending ? optionsQuery : groupsQuery;
  const [dialog, setDialog] = useState<DialogState>(null);
  const { status, actionError, busyIds, announce, run } = useRowActions();
  const focusLater = useDeferredFocus();

  function setEnabled(group: AccessGroup, enabled: boolean) {
    return run(group.id, `${group.name} was not ${enabled ? 'enabled' : 'disabled'}`, async () => {
      const saved = await save.mutateAsync({ id: group.id, input: toInput(group, { enabled }) });
      return saved.enabled
        ? `${saved.name} is enabled: its members can open sessions${saved.windows.length > 0 ? ' within its schedule' : ''}.`
        : `${saved.name} is disabled: its members can no longer open sessions from it.`;
    });
  }

  const data =
    groupsQuery.data === undefined || optionsQuery.data === undefined
      ? null
      : { groups: groupsQuery.data, options: optionsQuery.data };
  const groups = data === null ? [] : [...data.groups].sort(byName);
  const users = new Map(data?.options.users.map((u) => [u.id, u]) ?? []);
  const methods = new Map(data?.options.methods.map((m) => [m.id, m]) ?? []);

  return (
    <>
      <ListPage
        title="Access Groups"
        description="Who may reach which equipment, when, and whether their sessions are recorded."
        newLabel="New access group"
        canCreate={data !== null}
        onNew={() => setDialog({ kind: 'create' })}
        testIdPrefix="groups"
        status={status}
        actionError={actionError}
        query={query}
        count={groups.length}
        loadingLabel="Loading access groups…"
        errorTitle="Access groups could not be loaded."
        empty={
          <EmptyState
            icon={<GroupIcon width={32} height={32} />}
            title="No access groups yet."
            testId="access-groups-empty"
          >
            <p>
              Create an access group to let its members open sessions to chosen access methods, optionally only
              during scheduled hours and with every session recorded.
            </p>
          </EmptyState>
        }
      >
        {() => (
          <ResourceTable
            testId="groups-table"
            caption="Access groups, sorted by name"
            columns={['Group', 'Status', 'Members', 'Access methods', 'Schedule']}
          >
            {groups.map((group) => {
              const busy = busyIds.has(group.id);
              const memberNames = group.memberIds.map((id) => {
                const user = users.get(id);
                return user === undefined ? `User #${id}` : user.displayName || user.username;
              });
              const methodNames = group.methodIds.map((id) => {
                const method = methods.get(id);
                return method === undefined ? `Access method #${id}` : methodOptionLabel(method);
              });
              return (
                <tr key={group.id} data-testid={`group-row-${group.name}`} aria-busy={busy || undefined}>
                  <th scope="row" className="cell-group">
                    <span className="cell-group-name">{group.name}</span>
                    {group.enforceRecording && (
                      <span
                        className="badge badge-info"
                        title="Sessions opened from this group are recorded; if recording is not possible they do not start."
                        data-testid={`group-recording-${group.name}`}
                      >
                        Recording enforced
                      </span>
                    )}
                  </th>
                  <td>
                    <label className="switch">
                      <input
                        type="checkbox"
                        role="switch"
                        checked={group.enabled}
                        aria-disabled={busy || undefined}
                        onChange={(e) => {
                          if (!busy) void setEnabled(group, e.target.checked);
                        }}
                        aria-label={`${group.name} enabled`}
                        data-testid={`group-enabled-${group.name}`}
                      />
                      <span className="switch-track" aria-hidden="true" />
                      <span className={group.enabled ? 'switch-text' : 'switch-text switch-text-off'}>
                        {busy ? 'Saving…' : group.enabled ? 'Enabled' : 'Disabled'}
                      </span>
                    </label>
                  </td>
                  <td>
                    <NameList names={memberNames} none="No members" noun="members" />
                  </td>
                  <td>
                    <NameList names={methodNames} none="No access methods" noun="access methods" />
                  </td>
                  <td className="cell-schedule">
                    {group.windows.length === 0 ? (
                      <span>Any time</span>
                    ) : (
                      <ul className="plain-list">
                        {group.windows.map((window, index) => (
                          <li key={index}>{summarizeWindow(window)}</li>
                        ))}
                      </ul>
                    )}
                    <span className="cell-subtle">{group.timeZone.replaceAll('_', ' ')}</span>
                  </td>
                  <td className="cell-actions">
                    <RowButton
                      busy={busy}
                      onClick={() => setDialog({ kind: 'edit', group })}
                      label={`Edit ${group.name}`}
                      testId={`group-edit-${group.name}`}
                    >
                      Edit
                    </RowButton>
                    <RowButton
                      tone="danger"
                      busy={busy}
                      onClick={() => setDialog({ kind: 'delete', group })}
                      label={`Delete ${group.name}`}
                      testId={`group-delete-${group.name}`}
                    >
                      Delete
                    </RowButton>
                  </td>
                </tr>
              );
            })}
          </ResourceTable>
        )}
      </ListPage>

      {data !== null && (dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <GroupDialog
          group={dialog.kind === 'edit' ? dialog.group : null}
          options={data.options}
          onClose={() => setDialog(null)}
          onSaved={(group, created) => {
            setDialog(null);
            announce(created ? `Access group ${group.name} created.` : `Access group ${group.name} saved.`);
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${dialog.group.name}?`}
          testId="group-delete-dialog"
          confirmTestId="group-delete-confirm"
          confirmLabel="Delete access group"
          busyLabel="Deleting…"
          onClose={() => setDialog(null)}
          description={
            <p>
              Its members can no longer open sessions to its access methods through this group. Users and equipment
              are not deleted. This cannot be undone.
            </p>
          }
          onConfirm={async () => {
            const { group } = dialog;
            await remove.mutateAsync(group);
            setDialog(null);
            announce(`Access group ${group.name} deleted.`);
            // The group's row is gone: continue from the page heading.
            focusLater(pageHeading);
          }}
        />
      )}
    </>
  );
}

function NameList({ names, none, noun }: { names: string[]; none: string; noun: string }) {
  if (names.length === 0) return <span className="muted">{none}</span>;
  const sorted = [...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));
  const shown = sorted.slice(0, CELL_LIST_MAX);
  const rest = sorted.length - shown.length;
  return (
    <ul className="plain-list name-list">
      {shown.map((name, index) => (
        <li key={`${name}-${index}`}>{name}</li>
      ))}
      {rest > 0 && (
        <li className="cell-subtle" title={sorted.join('\n')}>
          and {rest} more {rest === 1 ? noun.replace(/s$/, '') : noun}
        </li>
      )}
    </ul>
  );
}
