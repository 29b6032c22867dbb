import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AccessWindow } from '../../types';
import { ScheduleEditor } from './ScheduleEditor';
import type { WindowErrors } from './schedule';

/** The editor as a form holds it: its windows in state, so each change shows. */
function Editor({
  initial = [],
  windowErrors = {},
  disabled = false,
}: {
  initial?: AccessWindow[];
  windowErrors?: Record<number, WindowErrors>;
  disabled?: boolean;
}) {
  const [windows, setWindows] = useState<AccessWindow[]>(initial);
  const [timeZone, setTimeZone] = useState('UTC');
  return (
    <>
      <ScheduleEditor
        timeZone={timeZone}
        windows={windows}
        onTimeZoneChange={setTimeZone}
        onWindowsChange={setWindows}
        windowErrors={windowErrors}
        disabled={disabled}
      />
      <output data-testid="state">{JSON.stringify({ timeZone, windows })}</output>
    </>
  );
}

function state() {
  return JSON.parse(screen.getByTestId('state').textContent ?? '{}') as { timeZone: string; windows: AccessWindow[] };
}

describe('ScheduleEditor', () => {
  it('says members may connect at any time when there is no window', () => {
    render(<Editor />);
    expect(screen.getByTestId('group-schedule-empty')).toHaveTextContent('members may connect at any time');
  });

  it('adds a window, focuses its first day, and toggles its days', async () => {
    const user = userEvent.setup();
    render(<Editor />);
    await user.click(screen.getByRole('button', { name: 'Add time window' }));

    const window = within(screen.getByTestId('group-window-0'));
    // Focus moves in an effect after the render that shows the window: wait for it, not for the element.
    await waitFor(() => expect(window.getByLabelText('Monday')).toHaveFocus());
    const before = state().windows[0];
    await user.click(window.getByLabelText('Sunday'));
    expect(state().windows[0]?.days).toContain('SUN');
    expect(state().windows[0]?.days.at(-1)).toBe('SUN');
    expect(state().windows[0]?.days.length).toBe((before?.days.length ?? 0) + 1);
  });

  it('removes a window and returns focus to the add button', async () => {
    const user = userEvent.setup();
    render(<Editor initial={[{ days: ['MON'], start: '08:00', end: '17:00' }]} />);
    await user.click(screen.getByRole('button', { name: 'Remove window 1' }));
    expect(state().windows).toEqual([]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add time window' })).toHaveFocus());
  });

  it('shows each window its own errors, tied to its inputs', () => {
    render(
      <Editor
        initial={[
          { days: [], start: '08:00', end: '17:00' },
          { days: ['TUE'], start: '18:00', end: '07:00' },
        ]}
        windowErrors={{ 0: { days: 'Choose at least one day.' }, 1: { time: 'End after the start.' } }}
      />,
    );
    expect(within(screen.getByTestId('group-window-0')).getByText('Choose at least one day.')).toBeInTheDocument();
    const until = screen.getByLabelText('Window 2: until');
    expect(until).toHaveAttribute('aria-invalid', 'true');
    expect(until).toHaveAccessibleDescription('End after the start.');
    expect(screen.getByLabelText('Window 1: until')).not.toHaveAttribute('aria-invalid');
  });

  it('disables every control while the form is busy', () => {
    render(<Editor initial={[{ days: ['MON'], start: '08:00', end: '17:00' }]} disabled />);
    expect(screen.getByLabelText('Monday')).toBeDisabled();
    expect(screen.getByLabelText('Window 1: from')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Add time window' })).toBeDisabled();
  });
});
