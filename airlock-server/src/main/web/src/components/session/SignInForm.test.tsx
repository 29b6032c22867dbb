import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LaunchGrant } from '../../types';
import { SignInForm } from './SignInForm';

const GRANT: LaunchGrant = {
  askCredentials: true,
  assetName: 'PLC-4',
  groupName: 'Line 4',
  host: '10.0.0.4',
  port: 22,
  protocol: 'SSH',
  recorded: false,
  ticket: 'one-time',
  username: null,
};

function open(grant: LaunchGrant, initialUsername = '') {
  const onSubmit = vi.fn();
  render(<SignInForm grant={grant} initialUsername={initialUsername} onSubmit={onSubmit} />);
  return { user: userEvent.setup(), onSubmit };
}

describe('SignInForm', () => {
  it('asks for both when the access method sets no username, and focuses the username first', async () => {
    const { user, onSubmit } = open(GRANT);
    expect(screen.getByLabelText('Username')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByText('Enter your username on the equipment.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password on the equipment.')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(screen.getByLabelText('Username')).toHaveFocus());
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('keeps the stored username read-only and asks only for the password', async () => {
    const { user, onSubmit } = open({ ...GRANT, username: 'maint' });
    const username = screen.getByLabelText('Username');
    expect(username).toHaveValue('maint');
    expect(username).toHaveAttribute('readonly');
    expect(username).toHaveAccessibleDescription('Set by the access method.');
    expect(screen.getByLabelText('Password')).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(await screen.findByText('Enter your password on the equipment.')).toBeInTheDocument();
    expect(screen.queryByText('Enter your username on the equipment.')).not.toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('hands over the trimmed username and the password, then forgets the password', async () => {
    const { user, onSubmit } = open(GRANT, ' maint ');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    await user.keyboard('s3cret!{Enter}');

    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ username: 'maint', password: 's3cret!' }));
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('asks a VNC session for the password alone', async () => {
    const { user, onSubmit } = open({ ...GRANT, protocol: 'VNC', port: 5900 });
    expect(screen.queryByLabelText('Username')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Enter your password on the equipment.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.keyboard('vnc-pass{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ username: '', password: 'vnc-pass' }));
  });
});
