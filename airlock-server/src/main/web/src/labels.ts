import type { CredentialKind, Day, IntegrationKind, Protocol, Role } from './types';

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

const PROTOCOL_LABELS: Record<Protocol, string> = {
  SSH: 'SSH',
  TELNET: 'Telnet',
  VNC: 'VNC',
  RDP: 'RDP',
};

export function protocolLabel(protocol: Protocol): string {
  return PROTOCOL_LABELS[protocol] ?? protocol;
}

/** The port each protocol listens on unless the equipment is configured otherwise. */
export const DEFAULT_PORTS: Readonly<Record<Protocol, number>> = {
  SSH: 22,
  TELNET: 23,
  VNC: 5900,
  RDP: 3389,
};

const CREDENTIAL_LABELS: Record<CredentialKind, string> = {
  NONE: 'None stored',
  PASSWORD: 'Password',
  PRIVATE_KEY: 'Private key',
};

export function credentialLabel(kind: CredentialKind): string {
  return CREDENTIAL_LABELS[kind] ?? kind;
}

const DAY_LABELS: Record<Day, { short: string; long: string }> = {
  MON: { short: 'Mon', long: 'Monday' },
  TUE: { short: 'Tue', long: 'Tuesday' },
  WED: { short: 'Wed', long: 'Wednesday' },
  THU: { short: 'Thu', long: 'Thursday' },
  FRI: { short: 'Fri', long: 'Friday' },
  SAT: { short: 'Sat', long: 'Saturday' },
  SUN: { short: 'Sun', long: 'Sunday' },
};

export function dayLabel(day: Day, length: 'short' | 'long' = 'short'): string {
  return DAY_LABELS[day]?.[length] ?? day;
}
