import { screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, lastRequest, renderWithApp } from '../../test/render';
import type { AccessGroup, GroupOptions } from '../../types';
import { GroupDialog } from './GroupDialog';

vi.mock('../../auth', async (original) => ({
  ...(await original<typeof import('../../auth')>()),
  useCurrentUser: () => ({ id: 1, username: 'admin', displayName: 'Admin', role: 'SYSTEM_ADMIN' }),
}));

const OPTIONS: GroupOptions = {
  users: [
    { id: 7, username: 'operator-7', displayName: 'Operator Seven' },
    { id: 8, username: 'operator-8', displayName: 'Operator Eight' },
  ],
  methods: [{ id: 3, assetId: 4, assetName: 'PLC-4', host: '10.0.0.4', port: 22, protocol: 'SSH' }],
};

const LINE_4: AccessGroup = {
  id: 5,
  name: 'Line 4',
  enabled: true,
  enforceRecording: false,
  timeZone: 'UTC',
  windows: [{ days: ['MON'], start: '08:00:00', end: '17:00:00' }],
  memberIds: [7],
  methodIds: [],
};

function open(group: AccessGroup | null = null) {
  const onSaved = vi.fn();
  const view = renderWithApp(
    <MemoryRouter>
      <GroupDialog group={group} options={OPTIONS} onClose={() => {}} onSaved={onSaved} />
    </MemoryRouter>,
  );
  return { ...view, onSaved };
}

describe('GroupDialog', () => {
  it('asks for a name on the name field and focuses it, without sending', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Create access group' }));

    expect(await screen.findByText('Enter a name for the access group.')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveFocus());
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows a window without days or with its end before its start under that window, and focuses it', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const { user } = open();
    await user.type(screen.getByLabelText('Name'), 'Night shift');
    await user.click(screen.getByRole('button', { name: 'Add time window' }));
    await user.click(screen.getByRole('button', { name: 'Add time window' }));
    const second = within(screen.getByTestId('group-window-1'));
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await user.click(second.getByLabelText(day));
    }
    const from = screen.getByLabelText('Window 1: from');
    await user.clear(from);
    await user.type(from, '18:00');
    await user.click(screen.getByRole('button', { name: 'Create access group' }));

    expect(
      await screen.findByText('The end time must be later than the start time. Split windows that cross midnight in two.'),
    ).toBeInTheDocument();
    expect(second.getByText('Choose at least one day.')).toBeInTheDocument();
    expect(screen.getByLabelText('Window 1: until')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(screen.getByLabelText('Window 1: from')).toHaveFocus());
    expect(fetch).not.toHaveBeenCalled();

    // Fixed windows clear their messages as the form revalidates.
    await user.clear(from);
    await user.type(from, '06:00');
    await waitFor(() => expect(screen.getByLabelText('Window 1: until')).not.toHaveAttribute('aria-invalid'));
  });

  it('puts the server field errors on the name and the schedule, and a taken name on the name', async () => {
    vi.spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(
        jsonResponse(400, {
          error: 'Check the highlighted fields.',
          fields: { timeZone: 'Unknown time zone.', 'windows[0].end': 'Use HH:mm.' },
        }),
      )
      .mockResolvedValueOnce(jsonResponse(409, { error: 'An access group with this name exists.' }));
    const { user, onSaved } = open(LINE_4);
    await user.click(screen.getByRole('button', { name: 'Save access group' }));

    expect(await screen.findByText('Unknown time zone.')).toBeInTheDocument();
    expect(within(screen.getByTestId('group-schedule')).getByText('Use HH:mm.')).toBeInTheDocument();
    expect(screen.getByTestId('group-error')).toHaveTextContent('Check the highlighted fields.');
    await waitFor(() => expect(screen.getByLabelText('Time zone')).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Save access group' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(/An access group with this name exists\./),
    );
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveFocus());
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('disables the form while saving, then hands on the saved group with what was chosen', async () => {
    let answer: (response: Response) => void = () => {};
    vi.spyOn(globalThis, 'fetch').mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const { user, onSaved } = open(LINE_4);
    await user.click(screen.getByLabelText(/Operator Eight/));
    await user.click(screen.getByLabelText(/PLC-4: SSH on port 22/));
    await user.click(screen.getByLabelText(/Enforce Inline Recording/));
    await user.click(screen.getByRole('button', { name: 'Save access group' }));

    await waitFor(() => expect(screen.getByLabelText('Name')).toBeDisabled());
    expect(screen.getByLabelText(/Enforce Inline Recording/)).toBeDisabled();
    expect(screen.getByLabelText('Monday')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    expect(await lastRequest()).toEqual({
      method: 'PUT',
      path: '/api/groups/5',
      body: {
        name: 'Line 4',
        enabled: true,
        enforceRecording: true,
        timeZone: 'UTC',
        windows: [{ days: ['MON'], start: '08:00', end: '17:00' }],
        memberIds: [7, 8],
        methodIds: [3],
      },
    });
    const saved = { ...LINE_4, enforceRecording: true, memberIds: [7, 8], methodIds: [3] };
    answer(jsonResponse(200, saved));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved, false));
  });
});
