import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, lastRequest, renderWithApp } from '../../test/render';
import { CreateUserDialog } from './CreateUserDialog';

function open() {
  const onCreated = vi.fn();
  const view = renderWithApp(<CreateUserDialog onClose={() => {}} onCreated={onCreated} />);
  return { ...view, onCreated };
}

async function fillValid(user: ReturnType<typeof open>['user']) {
  await user.type(screen.getByLabelText('Username'), 'operator-7');
  await user.type(screen.getByLabelText('Display name'), 'Operator Seven');
  await user.type(screen.getByLabelText('Password'), 'a-long-temporary-pass');
  await user.type(screen.getByLabelText('Confirm password'), 'a-long-temporary-pass');
}

describe('CreateUserDialog', () => {
  it('shows the schema messages on their fields and focuses the first one', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const { user } = open();
    await user.type(screen.getByLabelText('Display name'), 'Someone');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('Enter a username.')).toBeInTheDocument();
    expect(screen.getByText('Use at least 12 characters.')).toBeInTheDocument();
    expect(screen.getByText('The two passwords do not match.')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(screen.getByLabelText('Username')).toHaveFocus());
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects a username with characters the server refuses', async () => {
    const { user } = open();
    await user.type(screen.getByLabelText('Username'), 'two words');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(
      await screen.findByText('Use letters, digits, dots, hyphens, underscores or @, starting with a letter or digit.'),
    ).toBeInTheDocument();
  });

  it('puts the server field errors on the same fields and focuses the first', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      jsonResponse(400, { error: 'Check the highlighted fields.', fields: { displayName: 'Too fancy.' } }),
    );
    const { user, onCreated } = open();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('Too fancy.')).toBeInTheDocument();
    expect(screen.getByTestId('user-create-error')).toHaveTextContent('Check the highlighted fields.');
    await waitFor(() => expect(screen.getByLabelText('Display name')).toHaveFocus());
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('shows a taken username on the username field', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse(409, { error: 'That username is taken.' }));
    const { user } = open();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    await waitFor(() => expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(/That username is taken\./));
  });

  it('disables its fields while the request runs, then hands the created user on', async () => {
    let answer: (response: Response) => void = () => {};
    vi.spyOn(globalThis, 'fetch').mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const { user, onCreated } = open();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    await waitFor(() => expect(screen.getByLabelText('Username')).toBeDisabled());
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeDisabled();
    const created = { id: 7, username: 'operator-7', displayName: 'Operator Seven', role: 'USER' };
    answer(jsonResponse(201, created));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect((await lastRequest()).body).toEqual({
      username: 'operator-7',
      displayName: 'Operator Seven',
      role: 'USER',
      password: 'a-long-temporary-pass',
    });
  });
});
