import type {
  AccessGroup,
  AccessGroupInput,
  AccessMethod,
  AccessMethodInput,
  Asset,
  AssetInput,
  AuditInfo,
  GroupOptions,
  HistoryEntry,
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

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** When false, a 401 is only thrown, not treated as "signed out" (sign-in and session probes). */
  handleUnauthorized?: boolean;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  if (MUTATING_METHODS.has(method)) {
    let token = readCookie(XSRF_COOKIE);
    if (token === null) {
      await primeCsrfCookie(options.signal);
      token = readCookie(XSRF_COOKIE);
    }
    if (token !== null) headers[XSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'Cannot reach the Airlock server. Check the network connection and try again.');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && options.handleUnauthorized !== false) unauthorizedHandler?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'The server sent a response this page cannot read. Reload and try again.');
  }
}

// --- Session and account -------------------------------------------------------------------

export function fetchSession(signal?: AbortSignal): Promise<SessionInfo> {
  return request<SessionInfo>('GET', '/api/session', { signal, handleUnauthorized: false });
}

export function signIn(username: string, password: string): Promise<SessionInfo> {
  return request<SessionInfo>('POST', '/api/auth/login', {
    body: { username, password },
    handleUnauthorized: false,
  });
}

export function signOut(): Promise<void> {
  return request<void>('POST', '/api/auth/logout', { handleUnauthorized: false });
}

export function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('POST', '/api/me/password', { body: { currentPassword, newPassword } });
}

// --- Users (System Admin) ------------------------------------------------------------------

export function listUsers(signal?: AbortSignal): Promise<User[]> {
  return request<User[]>('GET', '/api/users', { signal });
}

export function createUser(user: NewUser): Promise<User> {
  return request<User>('POST', '/api/users', { body: user });
}

export function updateUser(id: number, changes: UserChanges): Promise<User> {
  return request<User>('PATCH', `/api/users/${encodeURIComponent(String(id))}`, { body: changes });
}

export function resetUserPassword(id: number, newPassword: string): Promise<void> {
  return request<void>('POST', `/api/users/${encodeURIComponent(String(id))}/password`, {
    body: { newPassword },
  });
}

// --- Storage integrations (System Admin) ---------------------------------------------------

export function listIntegrations(signal?: AbortSignal): Promise<StorageIntegration[]> {
  return request<StorageIntegration[]>('GET', '/api/integrations', { signal });
}

export function createIntegration(input: IntegrationInput): Promise<StorageIntegration> {
  return request<StorageIntegration>('POST', '/api/integrations', { body: input });
}

export function updateIntegration(id: number, input: IntegrationInput): Promise<StorageIntegration> {
  return request<StorageIntegration>('PATCH', `/api/integrations/${encodeURIComponent(String(id))}`, { body: input });
}

/** Probes each S3 permission; the answer carries the new lastCheck. */
export function checkIntegration(id: number): Promise<StorageIntegration> {
  return request<StorageIntegration>('POST', `/api/integrations/${encodeURIComponent(String(id))}/check`, { body: {} });
}

export function activateIntegration(id: number): Promise<StorageIntegration> {
  return request<StorageIntegration>('POST', `/api/integrations/${encodeURIComponent(String(id))}/activate`, {
    body: {},
  });
}

export function deactivateIntegration(id: number): Promise<StorageIntegration> {
  return request<StorageIntegration>('POST', `/api/integrations/${encodeURIComponent(String(id))}/deactivate`, {
    body: {},
  });
}

// --- Assets and access methods (System Admin) ----------------------------------------------

function idPath(prefix: string, id: number, suffix = ''): string {
  return `${prefix}/${encodeURIComponent(String(id))}${suffix}`;
}

export function fetchTerminalOptions(signal?: AbortSignal): Promise<TerminalOptions> {
  return request<TerminalOptions>('GET', '/api/assets/terminal-options', { signal });
}

export function listAssets(signal?: AbortSignal): Promise<Asset[]> {
  return request<Asset[]>('GET', '/api/assets', { signal });
}

export function createAsset(asset: AssetInput): Promise<Asset> {
  return request<Asset>('POST', '/api/assets', { body: asset });
}

export function updateAsset(id: number, asset: AssetInput): Promise<Asset> {
  return request<Asset>('PUT', idPath('/api/assets', id), { body: asset });
}

export function deleteAsset(id: number): Promise<void> {
  return request<void>('DELETE', idPath('/api/assets', id));
}

export function createMethod(assetId: number, method: AccessMethodInput): Promise<AccessMethod> {
  return request<AccessMethod>('POST', idPath('/api/assets', assetId, '/methods'), { body: method });
}

export function updateMethod(id: number, method: AccessMethodInput): Promise<AccessMethod> {
  return request<AccessMethod>('PUT', idPath('/api/methods', id), { body: method });
}

export function deleteMethod(id: number): Promise<void> {
  return request<void>('DELETE', idPath('/api/methods', id));
}

/** Pins the SSH host key the equipment presented; `fingerprint` must be the pending one the admin saw. */
export function acceptHostKey(methodId: number, fingerprint: string): Promise<AccessMethod> {
  return request<AccessMethod>('POST', idPath('/api/methods', methodId, '/host-key/accept'), {
    body: { fingerprint },
  });
}

// --- Access groups (System Admin and Access Admin) -----------------------------------------

export function listGroups(signal?: AbortSignal): Promise<AccessGroup[]> {
  return request<AccessGroup[]>('GET', '/api/groups', { signal });
}

export function fetchGroupOptions(signal?: AbortSignal): Promise<GroupOptions> {
  return request<GroupOptions>('GET', '/api/groups/options', { signal });
}

export function createGroup(group: AccessGroupInput): Promise<AccessGroup> {
  return request<AccessGroup>('POST', '/api/groups', { body: group });
}

export function updateGroup(id: number, group: AccessGroupInput): Promise<AccessGroup> {
  return request<AccessGroup>('PUT', idPath('/api/groups', id), { body: group });
}

export function deleteGroup(id: number): Promise<void> {
  return request<void>('DELETE', idPath('/api/groups', id));
}

// --- Remote sessions (every signed-in user) ------------------------------------------------

export function listRemoteSessions(signal?: AbortSignal): Promise<RemoteSessionGroup[]> {
  return request<RemoteSessionGroup[]>('GET', '/api/remote-sessions', { signal });
}

// --- Sessions, monitoring and history (launch: every signed-in user; the rest: access managers) --

/** Asks for a one-time ticket to open a session; 403/400 carry a message written for the user. */
export function launchSession(groupId: number, methodId: number, signal?: AbortSignal): Promise<LaunchGrant> {
  return request<LaunchGrant>('POST', '/api/sessions/launch', { body: { groupId, methodId }, signal });
}

export function listLiveSessions(signal?: AbortSignal): Promise<LiveSession[]> {
  return request<LiveSession[]>('GET', '/api/sessions/live', { signal });
}

export function terminateSession(id: number): Promise<void> {
  return request<void>('POST', idPath('/api/sessions', id, '/terminate'), { body: {} });
}

/** A one-time ticket for /ws/monitor. */
export function monitorSession(id: number): Promise<{ ticket: string }> {
  return request<{ ticket: string }>('POST', idPath('/api/sessions', id, '/monitor'), { body: {} });
}

export function listHistory(recordedOnly: boolean, limit = 200, signal?: AbortSignal): Promise<HistoryEntry[]> {
  const params = new URLSearchParams({ recordedOnly: String(recordedOnly), limit: String(limit) });
  return request<HistoryEntry[]>('GET', `/api/history?${params.toString()}`, { signal });
}

/** View Full Auditing Info: the session, and where its recording is stored with its timeline. */
export function fetchAuditInfo(id: number, signal?: AbortSignal): Promise<AuditInfo> {
  return request<AuditInfo>('GET', idPath('/api/history', id), { signal });
}

// --- Feature folders -----------------------------------------------------------------------

/** A GET of the JSON API, for the query functions that feature folders keep beside their pages. */
export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', path, { signal });
}
