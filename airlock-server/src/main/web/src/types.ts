/*
 * The UI's names for the API's request and response types. Every shape here comes from the server's
 * OpenAPI document (src/api/schema.d.ts, generated at build time from openapi.json, which the Maven build
 * writes from a running gateway): a Java record the UI does not follow fails the build with a type error.
 * The document also says which fields may be null (the records' @Nullable components) and which a
 * request may leave out. What is written by hand is UI-only: option lists and narrower unions for values
 * the server sends as strings.
 */
import type { components } from './api/schema';

type Schemas = components['schemas'];

/** T with the named fields also allowing null. */
type WithNull<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

/** T with the named fields narrowed to a UI-side union (the server sends them as plain strings). */
type Narrowed<T, N extends { [P in keyof N]: P extends keyof T ? unknown : never }> = Omit<T, keyof N> & N;

// --- Session and users -------------------------------------------------------------------------

export type Role = Schemas['UserView']['role'];

export const ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'ACCESS_ADMIN', 'USER'];

/** The signed-in user as reported by GET /api/session. */
export type SessionUser = Schemas['Me'];

/** The server leaves `user` out when no one is signed in. */
export type SessionInfo = { authenticated: false } | { authenticated: true; user: SessionUser };

export type User = Schemas['UserView'];
export type NewUser = Schemas['NewUser'];
/** A PATCH: only the fields that change. */
export type UserChanges = Schemas['UserChange'];

// --- Storage integrations ----------------------------------------------------------------------

export type IntegrationKind = Schemas['IntegrationView']['kind'];
export type CheckLine = Schemas['Line'];
export type CheckStatus = CheckLine['status'];
export type IntegrationCheck = Schemas['LastCheck'];
export type StorageIntegration = Schemas['IntegrationView'];
/** An empty secretAccessKey on an edit keeps the stored one. */
export type IntegrationInput = Schemas['IntegrationForm'];

// --- Equipment and access ----------------------------------------------------------------------

export type Protocol = Schemas['MethodView']['protocol'];

export const PROTOCOLS: readonly Protocol[] = ['SSH', 'TELNET', 'VNC', 'RDP'];

/** ASK_USER: nothing secret is stored (at most a username); the user types it when the session opens. */
export type CredentialKind = Schemas['MethodView']['credential'];

/** Telnet automatic-login prompt patterns (regular expressions); in an access method, null means the default. */
export type TelnetPromptPatterns = Schemas['PromptsView'];
export type TelnetPromptKind = keyof TelnetPromptPatterns;

export const TELNET_PROMPT_KINDS: readonly TelnetPromptKind[] = ['username', 'password', 'success', 'failure'];

export type CharsetOption = Schemas['CharsetOption'];
export type TerminalOptions = Schemas['TerminalOptionsView'];
export type HostKey = Schemas['HostKeyView'];

/** One way to reach an asset. Stored credentials are write-only: only their kind is reported. */
export type AccessMethod = Schemas['MethodView'];
export type Asset = Schemas['AssetView'];
export type AssetInput = Schemas['AssetRequest'];
/** NONE and ASK_USER remove a stored secret; PASSWORD and PRIVATE_KEY keep the stored one of that kind when empty. */
export type AccessMethodInput = Schemas['MethodRequest'];

export type Day = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

export const DAYS: readonly Day[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** A weekly time window in the group's time zone; times are "HH:mm". */
export type AccessWindow = Narrowed<Schemas['WindowView'], { days: Day[] }>;

/** No windows means access at any time. */
export type AccessGroup = Narrowed<Schemas['GroupView'], { windows: AccessWindow[] }>;
export type AccessGroupInput = Narrowed<Schemas['GroupRequest'], { windows: AccessWindow[] }>;
export type GroupUserOption = Schemas['UserOption'];
export type GroupMethodOption = Narrowed<Schemas['MethodOption'], { protocol: Protocol }>;
export type GroupOptions = Narrowed<Schemas['Options'], { methods: GroupMethodOption[] }>;

export type RemoteMethod = Narrowed<Schemas['MethodEntry'], { protocol: Protocol }>;
/** `available` is false when the group is disabled or outside its schedule right now. */
export type RemoteSessionGroup = Narrowed<Schemas['GroupEntry'], { methods: RemoteMethod[] }>;

// --- Sessions and history ----------------------------------------------------------------------

/** POST /api/sessions/launch: what the session window needs to connect. */
export type LaunchGrant = Narrowed<Schemas['LaunchGrant'], { protocol: Protocol }>;

export type EndReason =
  | 'CLOSED_BY_USER'
  | 'TERMINATED_BY_ADMIN'
  | 'EQUIPMENT_CLOSED'
  | 'ERROR'
  | 'ACCESS_ENDED'
  | 'GATEWAY_STOPPED'
  | 'GATEWAY_RESTARTED'
  | 'NODE_STOPPED';

export type LiveSession = Narrowed<Schemas['LiveView'], { protocol: Protocol }>;

/**
 * Where a session's recording stands. RECORDING: the session is open and written to the gateway's spool;
 * PROCESSING: it ended and the video is being made and stored; WAITING_FOR_STORAGE: the bucket cannot be
 * reached and the upload is retried; FAILED: a step failed and is retried; READY: the video and the raw
 * recording are in the bucket, verified.
 */
export type RecordingStatus =
  | 'NONE'
  | 'RECORDING'
  | 'PROCESSING'
  | 'WAITING_FOR_STORAGE'
  | 'FAILED'
  | 'READY'
  | 'EXPIRED';

/** A session attempt, as listed by GET /api/sessions; the end fields are null while it is live. */
export type HistoryEntry = WithNull<
  Narrowed<
    Schemas['HistoryRow'],
    { protocol: Protocol; endReason: EndReason | null; recordingStatus: RecordingStatus }
  >,
  'endedAt' | 'endReasonLabel' | 'endDetail' | 'endedBy' | 'recordingDetail' | 'recordingProgress'
>;

export type RecordingEvent = Schemas['TimelineEntry'];

/** Where a session's recording is stored; null fields: not recorded, not stored yet, or the integration was deleted. */
export type RecordingInfo = WithNull<
  Schemas['Info'],
  'integrationName' | 'bucket' | 'keyPrefix' | 'videoKey' | 'videoSha256' | 'videoSize' | 'castKey' | 'castSha256' | 'tagsApplied'
>;

/** GET /api/sessions/{id}: View Full Auditing Info. */
export type AuditInfo = Narrowed<Schemas['AuditInfo'], { session: HistoryEntry; recording: RecordingInfo }>;
