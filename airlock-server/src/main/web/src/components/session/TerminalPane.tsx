import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useLatest } from './useLatest';
import { FlowControl } from './FlowControl';
import {
  attachClipboardKeys,
  CONNECTION_LOST,
  endFromNotice,
  parseNotice,
  readyFromNotice,
  TERMINAL_OPTIONS,
  warningFromNotice,
  type ReadyNotice,
  type SessionEnd,
  type SessionWarning,
  type TypedCredentials,
} from './terminal';

const RESIZE_DEBOUNCE_MS = 100;

interface TerminalPaneProps {
  /** The WebSocket URL, built once the terminal has been fitted to the window. */
  url(size: { cols: number; rows: number }): string;
  /**
   * False for monitors: nothing typed is sent, resizing stays local, and there is no flow control (the
   * gateway drops a monitor that falls behind). True: output is paced with pause/resume, see FlowControl.
   */
  interactive: boolean;
  /** Shown when the socket closes before any message arrived: the gateway refused the link's ticket. */
  refusedMessage: string;
  /** Accessible name of the terminal region. */
  label: string;
  testId: string;
  /** The socket is open (monitors have no `ready` notice). */
  onOpen?(): void;
  /** `{"type":"ready"}` arrived: the equipment answered. */
  onReady?(notice: ReadyNotice): void;
  /** `{"type":"warning"}` arrived, e.g. the access window closes soon. */
  onWarning?(warning: SessionWarning): void;
  /**
   * Hands over, once, the credentials typed into the sign-in form; they are sent as the first message and
   * not kept. Null or absent: the access method does not ask.
   */
  takeCredentials?(): TypedCredentials | null;
  /** The session ended or the socket closed; called once. */
  onEnded(end: SessionEnd): void;
  /** Publishes the Terminal as window.__airlockTerminal for browser tests. */
  expose?: boolean;
}

/**
 * An xterm.js terminal filling its parent, wired to one WebSocket: binary frames are output bytes,
 * text frames are JSON notices; keystrokes go back as UTF-8 binary frames, size changes as
 * `{"type":"resize"}` and flow control as `{"type":"pause"}`/`{"type":"resume"}` text frames. Connects
 * once, on mount; when the session ends the terminal stays readable with input disabled and the cursor hidden.
 */
export function TerminalPane(paneProps: TerminalPaneProps) {
  const { interactive, label, testId, expose = false } = paneProps;
  const containerRef = useRef<HTMLDivElement>(null);
  const props = useLatest(paneProps);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return undefined;

    const term = new Terminal({ ...TERMINAL_OPTIONS, disableStdin: !interactive });
    const fit = new FitAddon();
    term.loadAddon(fit);
    attachClipboardKeys(term);
    term.open(container);
    safeFit(fit);
    if (expose) window.__airlockTerminal = term;

    const encoder = new TextEncoder();
    let socket: WebSocket | null = null;
    let opened = false;
    let received = false;
    let ready = false;
    let ended = false;
    let sentSize = { cols: term.cols, rows: term.rows };
    let resizeTimer: number | undefined;

    function finish(end: SessionEnd) {
      if (ended) return;
      ended = true;
      term.options.disableStdin = true;
      term.options.cursorBlink = false;
      term.write('\x1b[?25l'); // hide the cursor: nothing more can be typed
      props.current.onEnded(end);
    }

    function sendControl(message: object) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    }

    function sendSize() {
      if (!interactive || !ready || ended || socket?.readyState !== WebSocket.OPEN) return;
      if (term.cols === sentSize.cols && term.rows === sentSize.rows) return;
      sentSize = { cols: term.cols, rows: term.rows };
      sendControl({ type: 'resize', cols: term.cols, rows: term.rows });
    }

    function send(bytes: Uint8Array) {
      if (!interactive || ended || socket?.readyState !== WebSocket.OPEN) return;
      socket.send(bytes);
    }

    const flow = interactive ? new FlowControl((signal) => sendControl({ type: signal })) : null;
    if (expose && flow !== null) window.__airlockFlow = flow;

    function output(data: ArrayBuffer) {
      const bytes = new Uint8Array(data);
      if (flow === null) term.write(bytes);
      else term.write(bytes, flow.written(bytes.length));
    }

    function notice(record: Record<string, unknown>) {
      if (!interactive && (record.type === 'ready' || record.type === 'resize')
          && typeof record.cols === 'number' && typeof record.rows === 'number') {
        // A monitor shows the session at the session's own size, so full-screen programs look right.
        term.resize(record.cols, record.rows);
      }
      if (record.type === 'ready' && !ended) {
        ready = true;
        props.current.onReady?.(readyFromNotice(record));
        sendSize(); // the window may have been resized while connecting
      } else if (record.type === 'warning' && !ended) {
        const warning = warningFromNotice(record);
        if (warning !== null) props.current.onWarning?.(warning);
      } else if (record.type === 'ended') {
        finish(endFromNotice(record.reason, record.message));
      }
    }

    function closed(event: CloseEvent) {
      // The gateway explains some closes in the close frame (a monitor that fell behind, no sign-in in time).
      const explained = event.reason.trim();
      let message = explained;
      if (message === '') message = received ? CONNECTION_LOST : props.current.refusedMessage;
      finish({ reason: null, message, closeCode: opened ? event.code : null });
    }

    const subscriptions = [
      term.onData((data) => send(encoder.encode(data))),
      // Some mouse reports are raw bytes rather than text.
      term.onBinary((data) => send(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff))),
      term.onResize(sendSize),
    ];

    function scheduleFit() {
      if (!interactive && ready) return; // a monitor follows the session's size, not its window's
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(() => safeFit(fit), RESIZE_DEBOUNCE_MS);
    }
    const observer = new ResizeObserver(scheduleFit);
    observer.observe(container);
    window.addEventListener('resize', scheduleFit);

    // Connect on the next task: a development-mode remount cancels this before a one-time ticket is spent.
    const connectTimer = window.setTimeout(() => {
      safeFit(fit);
      sentSize = { cols: term.cols, rows: term.rows };
      const ws = new WebSocket(props.current.url(sentSize));
      ws.binaryType = 'arraybuffer';
      socket = ws;
      ws.onopen = () => {
        opened = true;
        // The sign-in goes first, before the gateway reaches the equipment; the password is not kept here.
        const credentials = props.current.takeCredentials?.() ?? null;
        if (credentials !== null) sendControl({ type: 'sign-in', ...credentials });
        props.current.onOpen?.();
      };
      ws.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
        received = true;
        if (typeof event.data !== 'string') {
          output(event.data);
          return;
        }
        const record = parseNotice(event.data);
        if (record !== null) notice(record);
      };
      ws.onclose = closed;
      term.focus();
    }, 0);

    term.focus();

    return () => {
      window.clearTimeout(connectTimer);
      window.clearTimeout(resizeTimer);
      observer.disconnect();
      window.removeEventListener('resize', scheduleFit);
      subscriptions.forEach((s) => s.dispose());
      if (socket !== null) {
        socket.onclose = null;
        socket.onmessage = null;
        socket.close();
      }
      if (window.__airlockTerminal === term) delete window.__airlockTerminal;
      if (flow !== null && window.__airlockFlow === flow) delete window.__airlockFlow;
      term.dispose();
    };
    // Connects once per mount; handlers read the latest props through the ref.
  }, [interactive, expose]);

  return <div ref={containerRef} className="terminal-host" role="region" aria-label={label} data-testid={testId} />;
}

function safeFit(fit: FitAddon) {
  try {
    fit.fit();
  } catch {
    // Not laid out yet (hidden window): the next resize fits it.
  }
}
