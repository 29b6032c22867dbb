import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, createGroup, errorMessage, updateGroup } from '../../api';
import { hasRole, SYSTEM_ADMINS, useCurrentUser } from '../../auth';
import { OptionPicker, type PickerItem } from '../../components/access/OptionPicker';
import { ScheduleEditor, SCHEDULE_IDS } from '../../components/access/ScheduleEditor';
import { byId, useDeferredFocus } from '../../components/access/useDeferredFocus';
import { browserTimeZone, normalizeTime, validateWindows, type WindowErrors } from '../../components/access/schedule';
import { Dialog, DialogFormActions } from '../../components/Dialog';
import { FormError, TextField } from '../../components/Field';
import { protocolLabel } from '../../labels';
import type { AccessGroup, AccessGroupInput, AccessWindow, GroupOptions } from '../../types';

const NAME_MAX = 128;

type GroupField = 'name' | 'timeZone' | 'windows' | 'memberIds' | 'methodIds';
type GroupErrors = Partial<Record<GroupField, string>>;

export function GroupDialog({
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
