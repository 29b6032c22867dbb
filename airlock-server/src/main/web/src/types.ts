export type Role = 'SYSTEM_ADMIN' | 'ACCESS_ADMIN' | 'USER';

export const ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'ACCESS_ADMIN', 'USER'];

/** The signed-in user as reported by GET /api/session. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

export type SessionInfo = { authenticated: false } | { authenticated: true; user: SessionUser };

/** A user account as listed by GET /api/users. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  enabled: boolean;
  mustChangePassword: boolean;
  /** ISO-8601 instant. */
  createdAt: string;
  /** ISO-8601 instant, or null when the user has never signed in. */
  lastLoginAt: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  enabled?: boolean;
}

export type IntegrationKind = 'EMBEDDED' | 'S3';

/** A recording storage integration as listed by GET /api/integrations. */
export interface StorageIntegration {
  id: number;
  name: string;
  kind: IntegrationKind;
  endpoint: string | null;
  region: string | null;
  bucket: string | null;
  prefix: string | null;
  active: boolean;
  note: string | null;
}
