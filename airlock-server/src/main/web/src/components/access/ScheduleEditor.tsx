import { useRef } from 'react';
import { dayLabel } from '../../labels';
import { DAYS, type AccessWindow, type Day } from '../../types';
import { SelectField } from '../Field';
import { newWindow, sortDays, timeZoneOptions, type WindowErrors } from './schedule';

interface ScheduleEditorProps {
  timeZone: string;
  windows: readonly AccessWindow[];
  onTimeZoneChange(timeZone: string): void;
  onWindowsChange(windows: AccessWindow[]): void;
  timeZoneError?: string | undefined;
  windowErrors: Readonly<Record<number, WindowErrors>>;
  /** A message about the schedule as a whole (from the server). */
  scheduleError?: string | undefined;
  disabled?: boolean;
}

export const SCHEDULE_IDS = {
  timeZone: 'group-time-zone',
  add: 'group-window-add',
  day: (index: number, day: Day) => `group-window-${index}-day-${day}`,
  start: (index: number) => `group-window-${index}-start`,
  end: (index: number) => `group-window-${index}-end`,
};

/** Time zone and weekly windows of an access group. No windows means members may connect at any time. */
export function ScheduleEditor({
  timeZone,
  windows,
  onTimeZoneChange,
  onWindowsChange,
  timeZoneError,
  windowErrors,
  scheduleError,
  disabled = false,
}: ScheduleEditorProps) {
  const addRef = useRef<HTMLButtonElement>(null);

  function change(index: number, next: AccessWindow) {
    onWindowsChange(windows.map((w, i) => (i === index ? next : w)));
  }

  function toggleDay(index: number, window: AccessWindow, day: Day, on: boolean) {
    const days = on ? sortDays([...window.days, day]) : window.days.filter((d) => d !== day);
    change(index, { ...window, days });
  }

  function add() {
    const index = windows.length;
    onWindowsChange([...windows, newWindow()]);
    // Focus the new window's first control once it is rendered.
    requestAnimationFrame(() => document.getElementById(SCHEDULE_IDS.day(index, 'MON'))?.focus());
  }

  function remove(index: number) {
    onWindowsChange(windows.filter((_, i) => i !== index));
    requestAnimationFrame(() => addRef.current?.focus());
  }

  return (
    <fieldset className="fieldset" disabled={disabled} data-testid="group-schedule">
      <legend className="field-label">Schedule</legend>
      <SelectField
        id={SCHEDULE_IDS.timeZone}
        label="Time zone"
        value={timeZone}
        onChange={onTimeZoneChange}
        error={timeZoneError}
        hint="The windows below are read in this time zone, usually the one where the equipment is."
      >
        {timeZoneOptions(timeZone).map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>

      {windows.length === 0 ? (
        <p className="schedule-empty" data-testid="group-schedule-empty">
          No schedule: members may connect at any time.
        </p>
      ) : (
        <ol className="window-list">
          {windows.map((window, index) => {
            const errors = windowErrors[index] ?? {};
            const label = `Window ${index + 1}`;
            const daysErrorId = `group-window-${index}-days-error`;
            const timeErrorId = `group-window-${index}-time-error`;
            return (
              <li key={index} className="window-item" data-testid={`group-window-${index}`}>
                <fieldset className="window-days" aria-describedby={errors.days ? daysErrorId : undefined}>
                  <legend className="window-title">{label}: days</legend>
                  <div className="day-picker">
                    {DAYS.map((day) => (
                      <label key={day} className="day-toggle" title={dayLabel(day, 'long')}>
                        <input
                          type="checkbox"
                          id={SCHEDULE_IDS.day(index, day)}
                          checked={window.days.includes(day)}
                          onChange={(e) => toggleDay(index, window, day, e.target.checked)}
                          aria-label={dayLabel(day, 'long')}
                        />
                        <span aria-hidden="true">{dayLabel(day)}</span>
                      </label>
                    ))}
                  </div>
                  {errors.days && (
                    <p id={daysErrorId} className="field-error">
                      {errors.days}
                    </p>
                  )}
                </fieldset>
                <div className="window-times">
                  <div className="field">
                    <label htmlFor={SCHEDULE_IDS.start(index)} className="field-label">
                      From
                    </label>
                    <input
                      type="time"
                      id={SCHEDULE_IDS.start(index)}
                      className="input input-time"
                      value={window.start}
                      onChange={(e) => change(index, { ...window, start: e.target.value })}
                      aria-invalid={errors.time ? true : undefined}
                      aria-describedby={errors.time ? timeErrorId : undefined}
                      aria-label={`${label}: from`}
                      required
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={SCHEDULE_IDS.end(index)} className="field-label">
                      Until
                    </label>
                    <input
                      type="time"
                      id={SCHEDULE_IDS.end(index)}
                      className="input input-time"
                      value={window.end}
                      onChange={(e) => change(index, { ...window, end: e.target.value })}
                      aria-invalid={errors.time ? true : undefined}
                      aria-describedby={errors.time ? timeErrorId : undefined}
                      aria-label={`${label}: until`}
                      required
                    />
                  </div>
                  <button
                    type="button"
                    className="button button-ghost button-small window-remove"
                    onClick={() => remove(index)}
                    aria-label={`Remove ${label.toLowerCase()}`}
                    data-testid={`group-window-remove-${index}`}
                  >
                    Remove
                  </button>
                </div>
                {errors.time && (
                  <p id={timeErrorId} className="field-error">
                    {errors.time}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {scheduleError && <p className="field-error">{scheduleError}</p>}
      <div>
        <button
          type="button"
          ref={addRef}
          id={SCHEDULE_IDS.add}
          className="button button-secondary button-small"
          onClick={add}
          data-testid="group-window-add"
        >
          Add time window
        </button>
      </div>
      {windows.length > 0 && (
        <p className="field-hint">Outside these windows members cannot open sessions from this group.</p>
      )}
    </fieldset>
  );
}
