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
  pathStyle: boolean;
  /** Never the secret: only the access key id is shown. */
  accessKeyId: string | null;
  /** Whether a secret access key is kept (write-only: it is never sent back). */
  credentialStored: boolean;
  /** Inactive and its latest check passed. */
  activatable: boolean;
  lastCheck: IntegrationCheck | null;
}

export type CheckStatus = 'OK' | 'FAILED' | 'UNSUPPORTED';

/** One probed S3 permission of an integration check. */
export interface CheckLine {
  permission: string;
  status: CheckStatus;
  /** The store's exact S3 error code, when it answered with one. */
  errorCode: string | null;
  message: string;
}

export interface IntegrationCheck {
  checkedAt: string;
  passed: boolean;
  taggingSupported: boolean;
  lines: CheckLine[];
}

/** The S3 integration form; an empty secretAccessKey on an edit keeps the stored one. */
export interface IntegrationInput {
  name: string;
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  pathStyle: boolean;
}

// --- Equipment and access ----------------------------------------------------------------------

export type Protocol = 'SSH' | 'TELNET' | 'VNC' | 'RDP';

export const PROTOCOLS: readonly Protocol[] = ['SSH', 'TELNET', 'VNC', 'RDP'];

/** ASK_USER: nothing secret is stored (at most a username); the user types it when the session opens. */
export type CredentialKind = 'NONE' | 'PASSWORD' | 'PRIVATE_KEY' | 'ASK_USER';

/** Telnet automatic-login prompt patterns (regular expressions); in an access method, null means the default. */
export interface TelnetPromptPatterns {
  username: string | null;
  password: string | null;
  success: string | null;
  failure: string | null;
}

export type TelnetPromptKind = keyof TelnetPromptPatterns;

export const TELNET_PROMPT_KINDS: readonly TelnetPromptKind[] = ['username', 'password', 'success', 'failure'];

/** A character set the access method form offers (JDK name, such as IBM437). */
export interface CharsetOption {
  name: string;
  description: string;
}

/** GET /api/assets/terminal-options: what the access method form offers. */
export interface TerminalOptions {
  charsets: CharsetOption[];
  telnetPromptDefaults: TelnetPromptPatterns;
}

/** The SSH host key pinned for an access method, and a different one the equipment presented since. */
export interface HostKey {
  fingerprint: string | null;
  pendingFingerprint: string | null;
}

/** One way to reach an asset. Stored credentials are write-only: only their kind is reported. */
export interface AccessMethod {
  id: number;
  protocol: Protocol;
  port: number;
  username: string | null;
  credential: CredentialKind;
  hostKey: HostKey;
  /** The equipment's character set (JDK name); UTF-8 unless set. */
  charset: string;
  telnetPrompts: TelnetPromptPatterns;
}

/** A piece of equipment as listed by GET /api/assets. */
export interface Asset {
  id: number;
  name: string;
  description: string | null;
  host: string;
  site: string | null;
  zone: string | null;
  methods: AccessMethod[];
}

export interface AssetInput {
  name: string;
  description: string | null;
  host: string;
  site: string | null;
  zone: string | null;
}

export interface AccessMethodInput {
  protocol: Protocol;
  port: number;
  username: string | null;
  password?: string;
  privateKey?: string;
  /** NONE and ASK_USER remove a stored secret; PASSWORD and PRIVATE_KEY keep the stored one of that kind when empty. */
  credential: CredentialKind;
  charset: string;
  /** Blank or null: the default pattern. Kept for Telnet only. */
  telnetUsernamePrompt: string | null;
  telnetPasswordPrompt: string | null;
  telnetSuccessPrompt: string | null;
  telnetFailurePrompt: string | null;
}

export type Day = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

export const DAYS: readonly Day[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** A weekly time window in the group's time zone; times are "HH:mm". */
export interface AccessWindow {
  days: Day[];
  start: string;
  end: string;
}

/** An access group as listed by GET /api/groups. No windows means access at any time. */
export interface AccessGroup {
  id: number;
  name: string;
  enabled: boolean;
  enforceRecording: boolean;
  timeZone: string;
  windows: AccessWindow[];
  memberIds: number[];
  methodIds: number[];
}

export type AccessGroupInput = Omit<AccessGroup, 'id'>;

export interface GroupUserOption {
  id: number;
  username: string;
  displayName: string;
}

export interface GroupMethodOption {
  id: number;
  assetName: string;
  host: string;
  protocol: Protocol;
  port: number;
}

/** What the access group pickers offer, from GET /api/groups/options. */
export interface GroupOptions {
  users: GroupUserOption[];
  methods: GroupMethodOption[];
}

/** An access method the signed-in user may open, as listed by GET /api/remote-sessions. */
export interface RemoteMethod {
  id: number;
  assetName: string;
  assetDescription: string | null;
  host: string;
  site: string | null;
  zone: string | null;
  protocol: Protocol;
  port: number;
}

export interface RemoteSessionGroup {
  group: {
    id: number;
    name: string;
    enforceRecording: boolean;
    /** The implicit "All Access Method" group of System Admins; recording is never enforced there. */
    global: boolean;
  };
  /** False when the group is disabled or outside its schedule right now. */
  available: boolean;
  reason: string | null;
  methods: RemoteMethod[];
}

// --- Sessions and history -----------------------------------------------------------------------

/** POST /api/sessions/launch: what the session window needs to connect. */
export interface LaunchGrant {
  /** One-time ticket for /ws/terminal; short-lived. */
  ticket: string;
  groupName: string;
  assetName: string;
  protocol: Protocol;
  host: string;
  port: number;
  recorded: boolean;
  /** The window asks the user for the credentials to sign in to the equipment with, before it connects. */
  askCredentials: boolean;
  /** The access method's stored username (shown read-only in the sign-in form); null when the user types it. */
  username: string | null;
}

export type EndReason =
  | 'CLOSED_BY_USER'
  | 'TERMINATED_BY_ADMIN'
  | 'EQUIPMENT_CLOSED'
  | 'ERROR'
  | 'ACCESS_ENDED'
  | 'GATEWAY_STOPPED'
  | 'GATEWAY_RESTARTED';

/** A session in progress, as listed by GET /api/sessions/live. */
export interface LiveSession {
  id: number;
  username: string;
  clientAddress: string;
  groupName: string;
  assetName: string;
  protocol: Protocol;
  host: string;
  port: number;
  /** ISO-8601 instant. */
  startedAt: string;
  recorded: boolean;
  bytesToEquipment: number;
  bytesFromEquipment: number;
  /** How many administrators are watching it right now. */
  monitors: number;
}

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

/** The statuses with work still under way, for which Session History keeps refreshing. */
export const RECORDING_IN_FLIGHT: readonly RecordingStatus[] = ['RECORDING', 'PROCESSING', 'WAITING_FOR_STORAGE'];

/** A session attempt, as listed by GET /api/history (newest first). */
export interface HistoryEntry {
  id: number;
  username: string;
  clientAddress: string;
  groupId: number;
  groupName: string;
  assetName: string;
  protocol: Protocol;
  host: string;
  port: number;
  startedAt: string;
  /** Null while the session is live. */
  endedAt: string | null;
  endReason: EndReason | null;
  endReasonLabel: string | null;
  /** A sentence written for people (for example the equipment's error). */
  endDetail: string | null;
  /** The administrator who terminated the session. */
  endedBy: string | null;
  bytesToEquipment: number;
  bytesFromEquipment: number;
  enforceRecording: boolean;
  recordingStatus: RecordingStatus;
  /** The current step ("Transcoding to MP4.") or why it failed; null when there is nothing to say. */
  recordingDetail: string | null;
  /** Percent (0-100) of the current step while PROCESSING, when known. */
  recordingProgress: number | null;
  /** True exactly when the recording is READY (the seed's Recorded = Yes). */
  recorded: boolean;
}

export type RecordingEventKind =
  | 'STARTED'
  | 'ENDED'
  | 'SPOOL_REPAIRED'
  | 'TRANSCODED'
  | 'UPLOAD_ABORTED'
  | 'UPLOADED'
  | 'TAGS_APPLIED'
  | 'METADATA_ONLY'
  | 'READY'
  | 'FAILED'
  | 'WAITING_FOR_STORAGE'
  | 'RETRY';

/** One step in a recording's life, oldest first. */
export interface RecordingEvent {
  /** ISO-8601 instant. */
  at: string;
  /** One of RecordingEventKind; later versions may add others. */
  kind: RecordingEventKind | (string & {});
  detail: string;
}

/** Where a session's recording is stored, and how it got there. Keys are relative to the integration's prefix. */
export interface RecordingInfo {
  /** The integration the recording goes or went to; null when not recorded or the integration was deleted. */
  integrationName: string | null;
  videoKey: string | null;
  videoSha256: string | null;
  videoSize: number | null;
  castKey: string | null;
  castSha256: string | null;
  /** Whether the session metadata is stored as object tags too; null until stored. */
  tagsApplied: boolean | null;
  attempts: number;
  timeline: RecordingEvent[];
}

/** GET /api/history/{id}: View Full Auditing Info. */
export interface AuditInfo {
  session: HistoryEntry;
  recording: RecordingInfo;
}
