import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, listUsers, setUnauthorizedHandler, updateUser } from './api';
import { jsonResponse, lastRequest } from './test/render';

describe('the typed API client', () => {
  it('refuses, when type-checked, a call the API document does not offer', () => {
    // Never run: `tsc -b` (and so the build) fails when one of these lines stops being an error.
    const wrongCalls = () => {
      // @ts-expect-error no such path
      void api.GET('/api/user');
      // @ts-expect-error the path exists, the method does not
      void api.DELETE('/api/users');
      // @ts-expect-error a user's id is a number
      void api.PATCH('/api/users/{id}', { params: { path: { id: 'seven' } }, body: {} });
      // @ts-expect-error a role the server does not know
      void api.PATCH('/api/users/{id}', { params: { path: { id: 7 } }, body: { role: 'ROOT' } });
      // @ts-expect-error the list of users takes no query parameter
      void api.GET('/api/users', { params: { query: { page: 2 } } });
      // @ts-expect-error an asset needs its host
      void api.POST('/api/assets', { body: { name: 'PLC-4' } });
    };
    expect(wrongCalls).toBeTypeOf('function');
  });

  it('sends a change to its path with the CSRF token and the JSON body', async () => {
    const saved = { id: 7, username: 'op', displayName: 'Op', role: 'USER', enabled: true };
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse(200, saved));

    expect(await updateUser(7, { role: 'USER' })).toEqual(saved);
    const { method, path, body } = await lastRequest();
    expect(`${method} ${path}`).toBe('PATCH /api/users/7');
    expect(body).toEqual({ role: 'USER' });
    const [request] = vi.mocked(globalThis.fetch).mock.calls.at(-1) ?? [];
    expect((request as Request).headers.get('X-XSRF-TOKEN')).toBe('test-token');
  });

  it("turns the server's error body into an ApiError with its field errors", async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      jsonResponse(400, { error: 'Check the highlighted fields.', fields: { role: 'Unknown role.' } }),
    );
    const error = await updateUser(7, { role: 'USER' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: 'Check the highlighted fields.', fields: { role: 'Unknown role.' } });
  });

  it('reports an ended sign-in once, and a server it cannot reach as status 0', async () => {
    const signedOut = vi.fn();
    setUnauthorizedHandler(signedOut);
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(jsonResponse(401, { error: 'Sign in again.' }));
    await expect(listUsers()).rejects.toMatchObject({ status: 401, message: 'Sign in again.' });
    expect(signedOut).toHaveBeenCalledOnce();

    vi.mocked(globalThis.fetch).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(listUsers()).rejects.toMatchObject({ status: 0 });
    setUnauthorizedHandler(null);
  });
});
