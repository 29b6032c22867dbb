import type {
  AccessGroup,
  AccessGroupInput,
  AccessMethod,
  AccessMethodInput,
  Asset,
  AssetInput,
  GroupOptions,
  IntegrationInput,
  LaunchGrant,
  LiveSession,
  NewUser,
  RemoteSessionGroup,
  SessionInfo,
  StorageIntegration,
  TerminalOptions,
  User,
  UserChanges,
} from './types';
import createClient from 'openapi-fetch';
import type { paths } from './api/schema';

const XSRF_COOKIE = 'XSRF-TOKEN';
const XSRF_HEADER = 'X-XSRF-TOKEN';
const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An error reported by the server (or a failure to reach it: status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly fields: Readonly<Record<string, string>>;
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    message: string,
    fields: Record<string, string> = {},
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A message suitable for showing to the user, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Reload the page and try again.';
}

/** Reads a cookie's current value. The CSRF cookie rotates at sign-in and sign-out, so never cache it. */
export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

type UnauthorizedHandler = () => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

/** Registers the callback run when any API call answers 401 (the sign-in has ended). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

function defaultMessage(status: number): string {
  if (status === 400) return 'The request was not accepted. Check the values and try again.';
  if (status === 401) return 'You are not signed in.';
  if (status === 403) return 'You do not have permission to do this.';
  if (status === 404) return 'The requested item was not found.';
  if (status === 409) return 'The change conflicts with the current state. Reload and try again.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 500) {
    return 'The server could not complete the request. Try again, and contact your administrator if it keeps happening.';
  }
  return `The request failed (HTTP ${status}).`;
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number.parseInt(header, 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

async function toApiError(response: Response): Promise<ApiError> {
  let message = defaultMessage(response.status);
  let fields: Record<string, string> = {};
  let retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  try {
    const body: unknown = await response.json();
    if (body !== null && typeof body === 'object') {
      const record = body as Record<string, unknown>;
      if (typeof record.error === 'string' && record.error.trim() !== '') message = record.error;
      if (record.fields !== null && typeof record.fields === 'object') {
        for (const [key, value] of Object.entries(record.fields as Record<string, unknown>)) {
          if (typeof value === 'string') fields[key] = value;
        }
      }
      if (typeof record.retryAfterSeconds === 'number') retryAfter = record.retryAfterSeconds;
    }
  } catch {
    // Not a JSON body (e.g. a proxy's HTML error page): keep the generic message.
  }
  return new ApiError(response.status, message, fields, retryAfter);
}

/** Makes sure a CSRF cookie exists: GET /api/session always (re)issues one. */
async function primeCsrfCookie(signal?: AbortSignal): Promise<void> {
  try {
    await fetch('/api/session', {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    // The real request below reports the connection problem.
  }
}

/**
 * Sends one request as every API call does: with the CSRF header on a change, and any failure turned into
 * an ApiError; a 401 also ends the sign-in unless `handleUnauthorized` is false (sign-in and session
 * probes). Only a successful response is returned.
 */
async function send(request: Request, handleUnauthorized: boolean): Promise<Response> {
  if (MUTATING_METHODS.has(request.method)) {
    let token = readCookie(XSRF_COOKIE);
    if (token === null) {
      await primeCsrfCookie(request.signal);
      token = readCookie(XSRF_COOKIE);
    }
    if (token !== null) request.headers.set(XSRF_HEADER, token);
  }
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'Cannot reach the Airlock server. Check the network connection and try again.');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && handleUnauthorized) unauthorizedHandler?.();
    throw error;
  }
  return response;
}

const clientOptions = {
  // openapi-fetch builds a Request, which needs an absolute address.
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  headers: { Accept: 'application/json' },
  credentials: 'same-origin',
  cache: 'no-store',
} as const;

/**
 * The API's paths, methods, parameters and bodies, typed from the server's OpenAPI document: a call the
 * server does not offer fails the type check.
 */
export const api = createClient<paths>({ ...clientOptions, fetch: (request) => send(request, true) });
/** For the sign-in and session probes, whose 401 means "not signed in" rather than "signed out". */
const probe = createClient<paths>({ ...clientOptions, fetch: (request) => send(request, false) });

/**
 * The answer's data; `send` already threw an ApiError for any failure. Where a function says `as`, it
 * narrows strings the server sends (protocols, days) to the UI's unions; a shape that no longer overlaps
 * the document's still fails the type check.
 */
async function data<T>(pending: Promise<{ data?: T }>): Promise<T> {
  try {
    return (await pending).data as T;
  } catch (error) {
    throw error instanceof SyntaxError ? unreadable() : error;
  }
}

function unreadable(): ApiError {
  return new ApiError(200, 'The server sent a response this page cannot read. Reload and try again.');
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** When false, a 401 is only thrown, not treated as "signed out" (sign-out). */
  handleUnauthorized?: boolean;
}

/**
 * A request outside the typed client, through the same path: sign-out (answered by the security filter,
 * which the API document does not describe), Session History's filtered pages and the account's tokens.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const { baseUrl, headers, ...init } = clientOptions;
  const hasBody = options.body !== undefined;
  const response = await send(
    new Request(baseUrl + path, {
      ...init,
      method,
      headers: hasBody ? { ...headers, 'Content-Type': 'application/json' } : headers,
      body: hasBody ? JSON.stringify(options.body) : null,
      signal: options.signal ?? null,
    }),
    options.handleUnauthorized !== false,
  );
  const text = await response.text();
  try {
    return (text === '' ? undefined : JSON.parse(text)) as T;
  } catch {
    throw unreadable();
  }
}

// --- Session and account -------------------------------------------------------------------

const byId = (id: number) => ({ params: { path: { id } } });

export function fetchSession(signal?: AbortSignal): Promise<SessionInfo> {
  return data(probe.GET('/api/session', { signal })) as Promise<SessionInfo>;
}

export function signIn(username: string, password: string): Promise<SessionInfo> {
  return data(probe.POST('/api/auth/login', { body: { username, password } })) as Promise<SessionInfo>;
}

export function signOut(): Promise<void> {
  return request<void>('POST', '/api/auth/logout', { handleUnauthorized: false });
}

export function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  return data(api.POST('/api/me/password', { body: { currentPassword, newPassword } }));
}

// --- Users (System Admin) ------------------------------------------------------------------

export function listUsers(signal?: AbortSignal): Promise<User[]> {
  return data(api.GET('/api/users', { signal }));
}

export function createUser(user: NewUser): Promise<User> {
  return data(api.POST('/api/users', { body: user }));
}

export function updateUser(id: number, changes: UserChanges): Promise<User> {
  return data(api.PATCH('/api/users/{id}', { ...byId(id), body: changes }));
}

export function resetUserPassword(id: number, newPassword: string): Promise<void> {
  return data(api.POST('/api/users/{id}/password', { ...byId(id), body: { newPassword } }));
}

// --- Storage integrations (System Admin) ---------------------------------------------------

export function listIntegrations(signal?: AbortSignal): Promise<StorageIntegration[]> {
  return data(api.GET('/api/integrations', { signal }));
}

export function createIntegration(input: IntegrationInput): Promise<StorageIntegration> {
  return data(api.POST('/api/integrations', { body: input }));
}

export function updateIntegration(id: number, input: IntegrationInput): Promise<StorageIntegration> {
  return data(api.PATCH('/api/integrations/{id}', { ...byId(id), body: input }));
}

/** Probes each S3 permission; the answer carries the new lastCheck. */
export function checkIntegration(id: number): Promise<StorageIntegration> {
  return data(api.POST('/api/integrations/{id}/check', byId(id)));
}

export function activateIntegration(id: number): Promise<StorageIntegration> {
  return data(api.POST('/api/integrations/{id}/activate', byId(id)));
}

export function deactivateIntegration(id: number): Promise<StorageIntegration> {
  return data(api.POST('/api/integrations/{id}/deactivate', byId(id)));
}

// --- Assets and access methods (System Admin) ----------------------------------------------

export function fetchTerminalOptions(signal?: AbortSignal): Promise<TerminalOptions> {
  return data(api.GET('/api/assets/terminal-options', { signal }));
}

export function listAssets(signal?: AbortSignal): Promise<Asset[]> {
  return data(api.GET('/api/assets', { signal }));
}

export function createAsset(asset: AssetInput): Promise<Asset> {
  return data(api.POST('/api/assets', { body: asset }));
}

export function updateAsset(id: number, asset: AssetInput): Promise<Asset> {
  return data(api.PUT('/api/assets/{id}', { ...byId(id), body: asset }));
}

export function deleteAsset(id: number): Promise<void> {
  return data(api.DELETE('/api/assets/{id}', byId(id)));
}

export function createMethod(assetId: number, method: AccessMethodInput): Promise<AccessMethod> {
  return data(api.POST('/api/assets/{id}/methods', { ...byId(assetId), body: method }));
}

export function updateMethod(id: number, method: AccessMethodInput): Promise<AccessMethod> {
  return data(api.PUT('/api/methods/{id}', { ...byId(id), body: method }));
}

export function deleteMethod(id: number): Promise<void> {
  return data(api.DELETE('/api/methods/{id}', byId(id)));
}

/** Pins the SSH host key the equipment presented; `fingerprint` must be the pending one the admin saw. */
export function acceptHostKey(methodId: number, fingerprint: string): Promise<AccessMethod> {
  return data(api.POST('/api/methods/{id}/host-key/accept', { ...byId(methodId), body: { fingerprint } }));
}

// --- Access groups (System Admin and Access Admin) -----------------------------------------

export function listGroups(signal?: AbortSignal): Promise<AccessGroup[]> {
  return data(api.GET('/api/groups', { signal })) as Promise<AccessGroup[]>;
}

export function fetchGroupOptions(signal?: AbortSignal): Promise<GroupOptions> {
  return data(api.GET('/api/groups/options', { signal })) as Promise<GroupOptions>;
}

export function createGroup(group: AccessGroupInput): Promise<AccessGroup> {
  return data(api.POST('/api/groups', { body: group })) as Promise<AccessGroup>;
}

export function updateGroup(id: number, group: AccessGroupInput): Promise<AccessGroup> {
  return data(api.PUT('/api/groups/{id}', { ...byId(id), body: group })) as Promise<AccessGroup>;
}

export function deleteGroup(id: number): Promise<void> {
  return data(api.DELETE('/api/groups/{id}', byId(id)));
}

// --- Remote sessions (every signed-in user) ------------------------------------------------

export function listRemoteSessions(signal?: AbortSignal): Promise<RemoteSessionGroup[]> {
  return data(api.GET('/api/remote-sessions', { signal })) as Promise<RemoteSessionGroup[]>;
}

// --- Sessions and monitoring (launch: every signed-in user; the rest: access managers) --------

/** Asks for a one-time ticket to open a session; 403/400 carry a message written for the user. */
export function launchSession(groupId: number, methodId: number, signal?: AbortSignal): Promise<LaunchGrant> {
  return data(api.POST('/api/sessions/launch', { body: { groupId, methodId }, signal })) as Promise<LaunchGrant>;
}

export function listLiveSessions(signal?: AbortSignal): Promise<LiveSession[]> {
  return data(api.GET('/api/sessions/live', { signal })) as Promise<LiveSession[]>;
}

export function terminateSession(id: number): Promise<void> {
  return data(api.POST('/api/sessions/{id}/terminate', byId(id)));
}

/** A one-time ticket for /ws/monitor. */
export function monitorSession(id: number): Promise<{ ticket: string }> {
  return data(api.POST('/api/sessions/{id}/monitor', byId(id))) as Promise<{ ticket: string }>;
}
