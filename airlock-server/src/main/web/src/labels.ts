import type { IntegrationKind, Role } from './types';

const ROLE_LABELS: Record<Role, string> = {
  SYSTEM_ADMIN: 'System Admin',
  ACCESS_ADMIN: 'Access Admin',
  USER: 'User',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

const KIND_LABELS: Record<IntegrationKind, string> = {
  EMBEDDED: 'Embedded (local)',
  S3: 'Amazon S3 or S3-compatible',
};

export function integrationKindLabel(kind: IntegrationKind): string {
  return KIND_LABELS[kind] ?? kind;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function format(iso: string, formatter: Intl.DateTimeFormat): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}

/** The date part of an ISO-8601 instant, in the browser's locale and time zone. */
export function formatDate(iso: string): string {
  return format(iso, dateFormat);
}

/** The time of day of an ISO-8601 instant, in the browser's locale and time zone. */
export function formatTime(iso: string): string {
  return Number.isNaN(new Date(iso).getTime()) ? '' : format(iso, timeFormat);
}
