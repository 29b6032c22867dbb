import type { ITerminalOptions, Terminal } from '@xterm/xterm';
import type { EndReason } from '../../types';
import type { FlowControl } from './FlowControl';

/** How a session (or a monitor of one) ended, as the window shows it. */
export interface SessionEnd {
  /** Null when the socket closed without an `ended` notice. */
  reason: EndReason | null;
  message: string;
  /** The WebSocket close code when the socket closed without an `ended` notice (4008: a monitor fell behind). */
  closeCode: number | null;
}

/**
 * `{"type":"ready",…}` once the equipment answered. A monitor's also names whose session it is and where;
 * older gateways leave those out.
 */
export interface ReadyNotice {
  sessionId: number;
  recorded: boolean;
  username: string | null;
  assetName: string | null;
}

/** `{"type":"warning","message":…,"endsAt":…}`: something the user should know now, e.g. the access window closes. */
export interface SessionWarning {
  message: string;
  /** ISO-8601 instant at which the session will end, when the warning is about that. */
  endsAt: string | null;
}

/** What the user typed into the session window's sign-in form; sent once, then forgotten. */
export interface TypedCredentials {
  username: string;
  password: string;
}

/** The close code of a monitor the gateway dropped because it could not keep up with the session. */
export const MONITOR_FELL_BEHIND = 4008;

export type ConnectionStatus = 'sign-in' | 'connecting' | 'connected' | 'ended';

export const STATUS_TEXT: Readonly<Record<ConnectionStatus, string>> = {
  'sign-in': 'Waiting for sign-in',
  connecting: 'Connecting…',
  connected: 'Connected',
  ended: 'Ended',
};

export const CONNECTION_LOST = 'The connection to the gateway was lost.';
/** The gateway refuses a spent or expired ticket at the handshake: the socket closes before any message. */
export const SESSION_LINK_REFUSED =
  'This session link has expired or was already used. Open the session again from Remote Sessions.';
export const MONITOR_LINK_REFUSED =
  'This monitor link has expired or was already used. Select Monitor again in Session History.';
export const CONNECTION_FAILED =
  'The gateway could not be reached. Check the network connection, then open the session again.';

const FALLBACK_MESSAGES: Readonly<Record<EndReason, string>> = {
  CLOSED_BY_USER: 'The session was closed.',
  TERMINATED_BY_ADMIN: 'The session was terminated by an administrator.',
  EQUIPMENT_CLOSED: 'The equipment closed the connection.',
  ERROR: 'The session ended because of an error.',
  ACCESS_ENDED: 'The session ended because your access to this equipment ended.',
  GATEWAY_STOPPED: 'The session ended because the gateway stopped.',
  GATEWAY_RESTARTED: 'The session ended because the gateway restarted.',
  NODE_STOPPED: 'The session ended because the gateway node running it stopped.',
};

const END_REASONS = new Set<string>(Object.keys(FALLBACK_MESSAGES));

/** The server's sentence when it sent one, otherwise a plain description of the reason. */
export function endFromNotice(reason: unknown, message: unknown): SessionEnd {
  const known = typeof reason === 'string' && END_REASONS.has(reason) ? (reason as EndReason) : null;
  if (typeof message === 'string' && message.trim() !== '') {
    return { reason: known, message: message.trim(), closeCode: null };
  }
  return { reason: known, message: known === null ? 'The session ended.' : FALLBACK_MESSAGES[known], closeCode: null };
}

/** A text frame's JSON object, or null when it is not one (ignored, like unknown notice types). */
export function parseNotice(data: string): Record<string, unknown> | null {
  try {
    const notice: unknown = JSON.parse(data);
    return notice !== null && typeof notice === 'object' && !Array.isArray(notice)
      ? (notice as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function readyFromNotice(notice: Record<string, unknown>): ReadyNotice {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  return {
    sessionId: typeof notice.sessionId === 'number' ? notice.sessionId : 0,
    recorded: notice.recorded === true,
    username: text(notice.username),
    assetName: text(notice.assetName),
  };
}

/** The gateway's sentence (it names the group's time zone); without one, the end time in the user's clock. */
export function warningFromNotice(notice: Record<string, unknown>): SessionWarning | null {
  const endsAt = typeof notice.endsAt === 'string' && !Number.isNaN(Date.parse(notice.endsAt)) ? notice.endsAt : null;
  if (typeof notice.message === 'string' && notice.message.trim() !== '') {
    return { message: notice.message.trim(), endsAt };
  }
  if (endsAt === null) return null;
  const at = new Date(endsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return { message: `Your access window closes at ${at}; the session will end then. Save your work.`, endsAt };
}

/** ws: or wss: URL on this origin (the dev server forwards /ws to the gateway). */
export function socketUrl(path: string, params: Record<string, string | number>): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
  return `${scheme}://${window.location.host}${path}?${query.toString()}`;
}

/** Dark terminal colours matching the sidebar navy. */
export const TERMINAL_OPTIONS: ITerminalOptions = {
  fontFamily: "ui-monospace, 'SFMono-Regular', 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace",
  fontSize: 14,
  lineHeight: 1.15,
  scrollback: 5000,
  cursorBlink: true,
  cursorInactiveStyle: 'outline',
  allowProposedApi: false,
  theme: {
    background: '#0b1524',
    foreground: '#e3eaf3',
    cursor: '#8cc8ff',
    cursorAccent: '#0b1524',
    selectionBackground: 'rgba(94, 177, 255, 0.38)',
    black: '#1b2838',
    red: '#ff6b6b',
    green: '#5fd08a',
    yellow: '#f2c86b',
    blue: '#5eb1ff',
    magenta: '#d49cff',
    cyan: '#5fd4d8',
    white: '#d5dde8',
    brightBlack: '#5a6a80',
    brightRed: '#ff8f8f',
    brightGreen: '#86e3aa',
    brightYellow: '#ffd98f',
    brightBlue: '#8cc8ff',
    brightMagenta: '#e3bcff',
    brightCyan: '#8ee8eb',
    brightWhite: '#ffffff',
  },
};

/** Puts text on the clipboard; falls back to the legacy copy command where the Clipboard API is unavailable (plain http). */
export function copyText(text: string): void {
  if (text === '') return;
  if (navigator.clipboard !== undefined && window.isSecureContext) {
    void navigator.clipboard.writeText(text).catch(() => legacyCopy(text));
    return;
  }
  legacyCopy(text);
}

function legacyCopy(text: string): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    document.execCommand('copy');
  } catch {
    // Nothing else to try: the selection is still there for the browser's own Copy.
  }
  area.remove();
  active?.focus();
}

/**
 * Ctrl+Shift+C copies the selection and Ctrl+Shift+V pastes (the browser's paste event, which xterm turns
 * into bracketed paste when the equipment asked for it), as in desktop terminal emulators. Plain Ctrl+C and
 * Ctrl+V still reach the equipment (interrupt, literal next).
 */
export function attachClipboardKeys(term: Terminal): void {
  term.attachCustomKeyEventHandler((event) => {
    if (!event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey) return true;
    const key = event.key.toLowerCase();
    if (key === 'c') {
      if (event.type === 'keydown' && term.hasSelection()) copyText(term.getSelection());
      event.preventDefault();
      return false;
    }
    if (key === 'v') {
      // Not handled by xterm and not cancelled: the browser fires its paste event on xterm's textarea.
      return false;
    }
    return true;
  });
}

declare global {
  interface Window {
    /** The session window's terminal, for browser tests (cols, rows, buffer). */
    __airlockTerminal?: Terminal;
    /** The session window's flow control, for browser tests (backlog, pauses). */
    __airlockFlow?: FlowControl;
  }
}
