import type { ITerminalOptions, Terminal } from '@xterm/xterm';
import type { EndReason } from '../../types';

/** How a session (or a monitor of one) ended, as the window shows it. */
export interface SessionEnd {
  /** Null when the socket closed without an `ended` notice. */
  reason: EndReason | null;
  message: string;
}

/** `{"type":"ready",…}` from /ws/terminal once the equipment answered. */
export interface ReadyNotice {
  sessionId: number;
  recorded: boolean;
}

export type ConnectionStatus = 'connecting' | 'connected' | 'ended';

export const STATUS_TEXT: Readonly<Record<ConnectionStatus, string>> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  ended: 'Ended',
};

export const CONNECTION_LOST = 'The connection to the gateway was lost.';
export const CONNECTION_FAILED =
  'The gateway could not be reached. Check the network connection, then open the session again.';

const FALLBACK_MESSAGES: Readonly<Record<EndReason, string>> = {
  CLOSED_BY_USER: 'The session was closed.',
  TERMINATED_BY_ADMIN: 'The session was terminated by an administrator.',
  EQUIPMENT_CLOSED: 'The equipment closed the connection.',
  ERROR: 'The session ended because of an error.',
  GATEWAY_STOPPED: 'The session ended because the gateway stopped.',
};

const END_REASONS = new Set<string>(Object.keys(FALLBACK_MESSAGES));

/** The server's sentence when it sent one, otherwise a plain description of the reason. */
export function endFromNotice(reason: unknown, message: unknown): SessionEnd {
  const known = typeof reason === 'string' && END_REASONS.has(reason) ? (reason as EndReason) : null;
  if (typeof message === 'string' && message.trim() !== '') return { reason: known, message: message.trim() };
  return { reason: known, message: known === null ? 'The session ended.' : FALLBACK_MESSAGES[known] };
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
  }
}
