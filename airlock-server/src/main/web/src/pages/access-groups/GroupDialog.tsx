import { Link } from 'react-router-dom';
import { hasRole, SYSTEM_ADMINS, useCurrentUser } from '../../auth';
import { OptionPicker, type PickerItem } from '../../components/access/OptionPicker';
import { ScheduleEditor, SCHEDULE_IDS } from '../../components/access/ScheduleEditor';
import { browserTimeZone, normalizeTime, type WindowErrors } from '../../components/access/schedule';
import { FormDialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { useSchemaForm, type FieldError } from '../../forms/useSchemaForm';
import { protocolLabel } from '../../labels';
import type { AccessGroup, GroupOptions } from '../../types';
import { useSaveGroup } from './mutations';
import { GROUP_LIMITS, groupSchema, type GroupValues } from './schema';

const IDS = {
  name: 'group-name',
  enabled: 'group-enabled',
  enforceRecording: 'group-enforce-recording',
  timeZone: SCHEDULE_IDS.timeZone,
  windows: SCHEDULE_IDS.add,
  memberIds: 'group-members',
  methodIds: 'group-methods',
};

function valuesOf(group: AccessGroup | null): GroupValues {
  return {
    name: group?.name ?? '',
    enabled: group?.enabled ?? true,
    enforceRecording: group?.enforceRecording ?? false,
    timeZone: group?.timeZone ?? browserTimeZone(),
    windows: group?.windows.map((w) => ({ days: [...w.days], start: normalizeTime(w.start), end: normalizeTime(w.end) })) ?? [],
    memberIds: group?.memberIds ?? [],
    methodIds: group?.methodIds ?? [],
  };
}

/** The schema's per-window problems (`days`, `time`), by window index. */
function windowErrorsOf(error: FieldError): Record<number, WindowErrors> {
  const result: Record<number, WindowErrors> = {};
  if (!Array.isArray(error)) return result;
  error.forEach((item: Record<string, { message?: string } | undefined> | undefined, index) => {
    const days = item?.days?.message;
    const time = item?.time?.message;
    if (days !== undefined || time !== undefined) result[index] = { ...(days && { days }), ...(time && { time }) };
  });
  return result;
}

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

  const { form, lockedField, checkbox, control, formError, submitting, onSubmit } = useSchemaForm(
    groupSchema,
    valuesOf(group),
    IDS,
    (name, error) => {
      // A list's own control is the first of its items: the first bad window, the first member or method.
      if (name === 'windows') {
        const [first] = Object.entries(windowErrorsOf(error));
        if (first === undefined) return null;
        const [index, problem] = first;
        return problem.days !== undefined ? SCHEDULE_IDS.day(Number(index), 'MON') : SCHEDULE_IDS.start(Number(index));
      }
      if (name === 'memberIds') return userItems[0]?.inputId ?? null;
      if (name === 'methodIds') return methodItems[0]?.inputId ?? null;
      return null;
    },
  );
  const save = useSaveGroup();
  const submit = onSubmit(
    async (input) => onSaved(await save.mutateAsync({ id: group?.id ?? null, input }), group === null),
    (error, fields) => {
      // The server names a window's problems windows[i].start and so on: the editor shows them together.
      const windowMessages = Object.entries(error.fields)
        .filter(([key]) => key.startsWith('windows'))
        .map(([, message]) => message);
      if (windowMessages.length > 0) fields.windows = windowMessages.join(' ');
      if (error.status === 409 && fields.name === undefined) fields.name = error.message;
    },
  );
  const windows = control('windows');
  const timeZone = control('timeZone');
  const members = control('memberIds');
  const methods = control('methodIds');
  const windowErrors = windowErrorsOf(form.formState.errors.windows);

  return (
    <FormDialog
      title={group === null ? 'New access group' : `Edit ${group.name}`}
      onClose={onClose}
      size="wide"
      formClassName="form group-form"
      form={{ submit, submitting, formError }}
      submitLabel={group === null ? 'Create access group' : 'Save access group'}
      busyLabel="Saving…"
      testIdPrefix="group"
    >
      <TextField
        {...lockedField('name')}
        name="name"
        label="Name"
        hint="For example the line, the vendor or the maintenance team it is for."
        autoComplete="off"
        maxLength={GROUP_LIMITS.nameMax}
        required
        data-autofocus
      />
      <fieldset className="fieldset" disabled={submitting}>
        <legend className="field-label">Settings</legend>
        <label className="choice">
          <input
            type="checkbox"
            {...checkbox('enabled')}
            name="enabled"
          />
          <span>
            <span className="choice-label">Enabled</span>
            <span className="choice-hint">When disabled, members cannot open sessions from this group.</span>
          </span>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            {...checkbox('enforceRecording')}
            name="enforceRecording"
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
        selected={new Set(members.value)}
        onChange={(ids) => members.onChange([...ids])}
        filterLabel="Filter users"
        empty={<p>There are no users to add yet.</p>}
        error={members.error}
        disabled={submitting}
        testId="group-members"
      />
      <OptionPicker
        legend="Access methods"
        items={methodItems}
        selected={new Set(methods.value)}
        onChange={(ids) => methods.onChange([...ids])}
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
        error={methods.error}
        disabled={submitting}
        testId="group-methods"
      />
      <ScheduleEditor
        timeZone={timeZone.value}
        windows={windows.value}
        onTimeZoneChange={timeZone.onChange}
        onWindowsChange={windows.onChange}
        timeZoneError={timeZone.error}
        windowErrors={windowErrors}
        scheduleError={windows.error}
        disabled={submitting}
      />
    </FormDialog>
  );
}
