import { screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { jsonResponse, renderWithApp } from '../test/render';
import { LoginPage } from './LoginPage';

const signIn = vi.fn<(username: string, password: string) => Promise<void>>();

vi.mock('../auth', () => ({
  useAuth: () => ({ state: { status: 'signedOut', reason: null }, signIn, refresh: async () => {} }),
}));

function open() {
  return renderWithApp(
    <MemoryRouter>
      <LoginPage />
    </MemoryRouter>,
  );
}

async function fill(user: ReturnType<typeof open>['user']) {
  await user.type(screen.getByLabelText('Username'), ' admin ');
  await user.type(screen.getByLabelText('Password'), 'not-the-password');
}

describe('LoginPage', () => {
  beforeEach(() => {
    signIn.mockReset();
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse(200, { authenticated: false }));
  });

  it('says what is missing on each field and focuses the first, without signing in', async () => {
    const { user } = open();
    await user.type(screen.getByLabelText('Password'), 'something');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your username.')).toBeInTheDocument();
    expect(screen.queryByText('Enter your password.')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Username')).toHaveFocus());
    expect(signIn).not.toHaveBeenCalled();
  });

  it('shows a refused sign-in, clears the password and focuses it', async () => {
    signIn.mockRejectedValue(new ApiError(401, 'Invalid username or password.'));
    const { user } = open();
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.getByTestId('login-error')).toHaveTextContent('Invalid username or password.'));
    expect(signIn).toHaveBeenCalledWith('admin', 'not-the-password');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });

  it('disables the button while signing in', async () => {
    signIn.mockReturnValue(new Promise(() => {}));
    const { user } = open();
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: 'Signing in…' })).toBeDisabled();
  });

  it('pauses sign-in for as long as the server says after too many failures', async () => {
    signIn.mockRejectedValue(new ApiError(429, 'Too many failed sign-ins.', {}, 30));
    const { user } = open();
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByTestId('login-countdown')).toHaveTextContent('You can try again in 30 seconds.');
    expect(screen.getByTestId('login-error')).toHaveTextContent('Too many failed sign-ins.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });
});
