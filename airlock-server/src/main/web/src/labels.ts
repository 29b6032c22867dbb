import type {
  CredentialKind,
  Day,
  IntegrationKind,
  Protocol,
  RecordingStatus,
  Role,
  TelnetPromptKind,
} from './types';

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
  ASK_USER: 'Asked at sign-in',
};

export function credentialLabel(kind: CredentialKind): string {
  return CREDENTIAL_LABELS[kind] ?? kind;
}

const TELNET_PROMPT_LABELS: Record<TelnetPromptKind, { label: string; hint: string }> = {
  username: { label: 'Username prompt', hint: 'Where the equipment asks for the user name.' },
  password: { label: 'Password prompt', hint: 'Where it asks for the password.' },
  success: { label: 'Signed-in prompt', hint: 'What shows the login worked, such as a shell or CLI prompt.' },
  failure: { label: 'Refusal message', hint: 'What shows the equipment refused the credentials.' },
};

/** The label and hint of a Telnet automatic-login prompt pattern. */
export function telnetPromptLabel(kind: TelnetPromptKind): { label: string; hint: string } {
  return TELNET_PROMPT_LABELS[kind];
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

// --- Sessions and history ------------------------------------------------------------------------

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Date and time (with seconds) of an ISO-8601 instant, for audit details. */
export function formatDateTime(iso: string): string {
  return format(iso, dateTimeFormat);
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB" (powers of 1024, as file managers show sizes). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes === 1) return '1 byte';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** Milliseconds → "45 s", "12 min 5 s", "3 h 7 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  return `${seconds} s`;
}

/** The time between two ISO-8601 instants, or null when either is missing or unreadable. */
export function durationBetween(startIso: string, endIso: string | null): number | null {
  if (endIso === null) return null;
  const start = new Date(startIso).getTime();
  const end = new Date(endIso).getTime();
  return Number.isNaN(start) || Number.isNaN(end) ? null : Math.max(0, end - start);
}

/** Session History's Recorded column (seed wording): Yes once the recording is stored, No until then. */
export function recordingLabel(recorded: boolean): 'Yes' | 'No' {
  return recorded ? 'Yes' : 'No';
}

const RECORDING_STATUS_LABELS: Record<RecordingStatus, string> = {
  NONE: 'Not recorded',
  RECORDING: 'Recording',
  PROCESSING: 'Processing',
  WAITING_FOR_STORAGE: 'Waiting for storage',
  FAILED: 'Failed',
  READY: 'Ready',
  EXPIRED: "Expired by the bucket's retention policy",
};

/** "Recording", "Processing 42 %", "Waiting for storage"… (the percent only while processing). */
export function recordingStatusLabel(status: RecordingStatus, progress: number | null = null): string {
  const label = RECORDING_STATUS_LABELS[status] ?? status;
  if (status === 'PROCESSING' && progress !== null && Number.isFinite(progress)) {
    return `${label} ${Math.round(Math.min(100, Math.max(0, progress)))} %`;
  }
  return label;
}

const RECORDING_EVENT_LABELS: Readonly<Record<string, string>> = {
  STARTED: 'Recording started',
  ENDED: 'Session ended',
  SPOOL_REPAIRED: 'Recording repaired',
  TRANSCODED: 'Video made',
  UPLOAD_ABORTED: 'Interrupted upload discarded',
  UPLOADED: 'Uploaded and verified',
  TAGS_APPLIED: 'Tags applied',
  METADATA_ONLY: 'Metadata only',
  READY: 'Ready',
  FAILED: 'Failed',
  WAITING_FOR_STORAGE: 'Waiting for storage',
  RETRY: 'Retried',
  EXPIRED: "Expired by the bucket's retention policy",
  TAMPERED: 'Tamper warning',
  VIEWED: 'Viewed',
  DOWNLOADED: 'Downloaded',
};

/** A recording timeline entry's kind in plain words. */
export function recordingEventLabel(kind: string): string {
  return RECORDING_EVENT_LABELS[kind] ?? kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll('_', ' ');
}
