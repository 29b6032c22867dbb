import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import {
  ApiError,
  createGroup,
  deleteGroup,
  errorMessage,
  fetchGroupOptions,
  listGroups,
  updateGroup,
} from '../api';
import { hasRole, SYSTEM_ADMINS, useCurrentUser } from '../auth';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { OptionPicker, type PickerItem } from '../components/access/OptionPicker';
import { ScheduleEditor, SCHEDULE_IDS } from '../components/access/ScheduleEditor';
import { byId, pageHeading, useDeferredFocus } from '../components/access/useDeferredFocus';
import {
  browserTimeZone,
  normalizeTime,
  summarizeWindow,
  validateWindows,
  type WindowErrors,
} from '../components/access/schedule';
import { Dialog, DialogFormActions } from '../components/Dialog';
import { FormError, TextField } from '../components/Field';
import { GroupIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorAlert, ResourceStates, StatusAlert } from '../components/States';
import { TableHead } from '../components/TableHead';
import { protocolLabel } from '../labels';
import type { AccessGroup, AccessGroupInput, AccessWindow, GroupMethodOption, GroupOptions } from '../types';
import { useBusyIds } from '../useBusyIds';
import { useResource } from '../useResource';
import './access-groups.css';

const NAME_MAX = 128;
/** How many members or methods a table cell names before summarising the rest. */
const CELL_LIST_MAX = 3;

interface PageData {
  groups: AccessGroup[];
  options: GroupOptions;
}

async function loadPage(signal: AbortSignal): Promise<PageData> {
  const [groups, options] = await Promise.all([listGroups(signal), fetchGroupOptions(signal)]);
  return { groups, options };
}

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
  const { resource, reload, update } = useResource(loadPage);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [statusMessage, setStatusMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyIds, setBusy] = useBusyIds();
  const focusLater = useDeferredFocus();

  function announce(message: string) {
    setActionError(null);
    setStatusMessage(message);
  }

  function replaceGroup(group: AccessGroup) {
    update((data) => ({ ...data, groups: [...data.groups.filter((g) => g.id !== group.id), group] }));
  }

  async function setEnabled(group: AccessGroup, enabled: boolean) {
    if (busyIds.has(group.id)) return;
    setStatusMessage(null);
    setActionError(null);
    setBusy(group.id, true);
    try {
      const saved = await updateGroup(group.id, toInput(group, { enabled }));
      replaceGroup(saved);
      announce(
        saved.enabled
          ? `${saved.name} is enabled: its members can open sessions${saved.windows.length > 0 ? ' within its schedule' : ''}.`
          : `${saved.name} is disabled: its members can no longer open sessions from it.`,
      );
    } catch (error) {
      setActionError(`${group.name} was not ${enabled ? 'enabled' : 'disabled'}: ${errorMessage(error)}`);
    } finally {
      setBusy(group.id, false);
    }
  }

  const data = resource.status === 'ready' ? resource.data : null;
  const groups = data === null ? [] : [...data.groups].sort(byName);
  const users = new Map(data?.options.users.map((u) => [u.id, u]) ?? []);
  const methods = new Map(data?.options.methods.map((m) => [m.id, m]) ?? []);

  return (
    <>
      <PageHeader
        title="Access Groups"
        description="Who may reach which equipment, when, and whether their sessions are recorded."
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="groups-new"
            disabled={resource.status !== 'ready'}
          >
            New access group
          </button>
        }
      />

      <StatusAlert message={statusMessage} testId="groups-status" />
      <ErrorAlert message={actionError} testId="groups-action-error" />

      <ResourceStates
        resource={resource}
        count={groups.length}
        loadingLabel="Loading access groups…"
        errorTitle="Access groups could not be loaded."
        errorTestId="groups-error"
        onRetry={reload}
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
          <div className="table-wrap">
            <table className="table" data-testid="groups-table">
              <caption className="visually-hidden">Access groups, sorted by name</caption>
              <TableHead columns={['Group', 'Status', 'Members', 'Access methods', 'Schedule']} />
              <tbody>
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
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          aria-disabled={busy || undefined}
                          onClick={() => {
                            if (!busy) setDialog({ kind: 'edit', group });
                          }}
                          aria-label={`Edit ${group.name}`}
                          data-testid={`group-edit-${group.name}`}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="button button-ghost button-small button-ghost-danger"
                          aria-disabled={busy || undefined}
                          onClick={() => {
                            if (!busy) setDialog({ kind: 'delete', group });
                          }}
                          aria-label={`Delete ${group.name}`}
                          data-testid={`group-delete-${group.name}`}
                        >
                          Delete
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </ResourceStates>

      {data !== null && (dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <GroupDialog
          group={dialog.kind === 'edit' ? dialog.group : null}
          options={data.options}
          onClose={() => setDialog(null)}
          onSaved={(group, created) => {
            replaceGroup(group);
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
            await deleteGroup(group.id);
            update((current) => ({ ...current, groups: current.groups.filter((g) => g.id !== group.id) }));
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

// --- Create and edit -----------------------------------------------------------------------------

type GroupField = 'name' | 'timeZone' | 'windows' | 'memberIds' | 'methodIds';
type GroupErrors = Partial<Record<GroupField, string>>;

function GroupDialog({
  group,
  options,
  onClose,
  onSaved,
}: {
  group: AccessGroup | null;
  options: GroupOptions;
  onClose(): void;
  onSaved(group: AccessGroup, created: boolean): void;
}) {
  const me = useCurrentUser();
  const [name, setName] = useState(group?.name ?? '');
  const [enabled, setEnabled] = useState(group?.enabled ?? true);
  const [enforceRecording, setEnforceRecording] = useState(group?.enforceRecording ?? false);
  const [timeZone, setTimeZone] = useState(group?.timeZone ?? browserTimeZone());
  const [windows, setWindows] = useState<AccessWindow[]>(
    group?.windows.map((w) => ({ days: [...w.days], start: normalizeTime(w.start), end: normalizeTime(w.end) })) ?? [],
  );
  const [memberIds, setMemberIds] = useState<ReadonlySet<number>>(new Set(group?.memberIds ?? []));
  const [methodIds, setMethodIds] = useState<ReadonlySet<number>>(new Set(group?.methodIds ?? []));
  const [errors, setErrors] = useState<GroupErrors>({});
  const [windowErrors, setWindowErrors] = useState<Record<number, WindowErrors>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const focusLater = useDeferredFocus();

  const userItems: PickerItem[] = [...options.users]
    .sort((a, b) => (a.displayName || a.username).localeCompare(b.displayName || b.username, undefined, { sensitivity: 'base' }))
    .map((user) => ({
      id: user.id,
      inputId: `group-member-${user.id}`,
      label: user.displayName || user.username,
      detail: user.username,
    }));
  const methodItems: PickerItem[] = [...options.methods]
    .sort(
      (a, b) =>
        a.assetName.localeCompare(b.assetName, undefined, { sensitivity: 'base', numeric: true }) ||
        a.protocol.localeCompare(b.protocol) ||
        a.port - b.port,
    )
    .map((method) => ({
      id: method.id,
      inputId: `group-method-${method.id}`,
      label: `${protocolLabel(method.protocol)} on port ${method.port}`,
      detail: method.host,
      section: method.assetName,
    }));

  function firstErrorTarget(fieldErrors: GroupErrors, perWindow: Record<number, WindowErrors>): string | null {
    if (fieldErrors.name !== undefined) return 'group-name';
    if (fieldErrors.timeZone !== undefined) return SCHEDULE_IDS.timeZone;
    const firstWindow = Object.keys(perWindow)
      .map(Number)
      .sort((a, b) => a - b)[0];
    if (firstWindow !== undefined) {
      const problem = perWindow[firstWindow];
      return problem?.days !== undefined ? SCHEDULE_IDS.day(firstWindow, 'MON') : SCHEDULE_IDS.start(firstWindow);
    }
    if (fieldErrors.windows !== undefined) return SCHEDULE_IDS.add;
    if (fieldErrors.memberIds !== undefined) return userItems[0]?.inputId ?? null;
    if (fieldErrors.methodIds !== undefined) return methodItems[0]?.inputId ?? null;
    return null;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const trimmed = name.trim();
    const clientErrors: GroupErrors = {};
    if (trimmed === '') clientErrors.name = 'Enter a name for the access group.';
    else if (trimmed.length > NAME_MAX) clientErrors.name = `Use at most ${NAME_MAX} characters.`;
    if (timeZone === '') clientErrors.timeZone = 'Choose a time zone.';
    const clientWindowErrors = validateWindows(windows);
    setErrors(clientErrors);
    setWindowErrors(clientWindowErrors);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0 || Object.keys(clientWindowErrors).length > 0) {
      setFormError('Check the highlighted fields.');
      const target = firstErrorTarget(clientErrors, clientWindowErrors);
      if (target !== null) document.getElementById(target)?.focus();
      return;
    }
    const input: AccessGroupInput = {
      name: trimmed,
      enabled,
      enforceRecording,
      timeZone,
      windows,
      memberIds: [...memberIds],
      methodIds: [...methodIds],
    };
    setSubmitting(true);
    try {
      const saved = group === null ? await createGroup(input) : await updateGroup(group.id, input);
      onSaved(saved, group === null);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError) {
        const serverErrors: GroupErrors = {};
        for (const [key, message] of Object.entries(error.fields)) {
          if (key === 'name' || key === 'timeZone' || key === 'memberIds' || key === 'methodIds') {
            serverErrors[key] = message;
          } else if (key.startsWith('windows')) {
            serverErrors.windows = serverErrors.windows === undefined ? message : `${serverErrors.windows} ${message}`;
          }
        }
        if (error.status === 409 && serverErrors.name === undefined) serverErrors.name = error.message;
        setErrors(serverErrors);
        setWindowErrors({});
        setFormError(error.message);
        const target = firstErrorTarget(serverErrors, {});
        if (target !== null) focusLater(byId(target));
      } else {
        setFormError(errorMessage(error));
      }
    }
  }

  return (
    <Dialog
      title={group === null ? 'New access group' : `Edit ${group.name}`}
      onClose={onClose}
      busy={submitting}
      size="wide"
      testId="group-dialog"
    >
      <form className="form group-form" onSubmit={handleSubmit} noValidate aria-busy={submitting}>
        <FormError message={formError} testId="group-error" />
        <TextField
          id="group-name"
          name="name"
          label="Name"
          value={name}
          onChange={setName}
          error={errors.name}
          hint="For example the line, the vendor or the maintenance team it is for."
          autoComplete="off"
          maxLength={NAME_MAX}
          disabled={submitting}
          required
          data-autofocus
        />
        <fieldset className="fieldset" disabled={submitting}>
          <legend className="field-label">Settings</legend>
          <label className="choice">
            <input
              type="checkbox"
              id="group-enabled"
              name="enabled"
              checked={enabled}
              onChange={(e) => setEnabled(e.target.checked)}
            />
            <span>
              <span className="choice-label">Enabled</span>
              <span className="choice-hint">When disabled, members cannot open sessions from this group.</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="checkbox"
              id="group-enforce-recording"
              name="enforceRecording"
              checked={enforceRecording}
              onChange={(e) => setEnforceRecording(e.target.checked)}
              aria-describedby="group-enforce-recording-hint"
            />
            <span>
              <span className="choice-label">Enforce Inline Recording</span>
              <span className="choice-hint" id="group-enforce-recording-hint">
                SSH, Telnet, VNC and RDP sessions launched from this group are recorded. If recording cannot happen,
                the session does not start. Recordings are kept in the active storage integration.
              </span>
            </span>
          </label>
        </fieldset>
        <OptionPicker
          legend="Members"
          items={userItems}
          selected={memberIds}
          onChange={setMemberIds}
          filterLabel="Filter users"
          empty={<p>There are no users to add yet.</p>}
          error={errors.memberIds}
          disabled={submitting}
          testId="group-members"
        />
        <OptionPicker
          legend="Access methods"
          items={methodItems}
          selected={methodIds}
          onChange={setMethodIds}
          filterLabel="Filter by asset, protocol or host"
          empty={
            hasRole(me, SYSTEM_ADMINS) ? (
              <p>
                No equipment has access methods yet. Add them under <Link to="/access/assets">Assets</Link> first.
              </p>
            ) : (
              <p>No equipment has access methods yet. A System Admin adds them under Assets.</p>
            )
          }
          error={errors.methodIds}
          disabled={submitting}
          testId="group-methods"
        />
        <ScheduleEditor
          timeZone={timeZone}
          windows={windows}
          onTimeZoneChange={setTimeZone}
          onWindowsChange={setWindows}
          timeZoneError={errors.timeZone}
          windowErrors={windowErrors}
          scheduleError={errors.windows}
          disabled={submitting}
        />
        <DialogFormActions
          onCancel={onClose}
          submitting={submitting}
          submitLabel={group === null ? 'Create access group' : 'Save access group'}
          busyLabel="Saving…"
          submitTestId="group-submit"
        />
      </form>
    </Dialog>
  );
}
