import RFB from '@novnc/novnc';
import { useEffect, useRef, useState } from 'react';
import { useLatest } from './useLatest';
import {
  CONNECTION_LOST,
  endFromNotice,
  parseNotice,
  readyFromNotice,
  type ReadyNotice,
  type SessionEnd,
  type SessionWarning,
  type TypedCredentials,
} from './terminal';

interface DesktopPaneProps {
  url: string;
  /** False for monitors: noVNC is view-only and sends no input. */
  interactive: boolean;
  refusedMessage: string;
  label: string;
  testId: string;
  onReady?(notice: ReadyNotice): void;
  onWarning?(warning: SessionWarning): void;
  takeCredentials?(): TypedCredentials | null;
  onEnded(end: SessionEnd): void;
  /** Receives the functions the window's toolbar calls, once the desktop is connected. */
  onControls?(controls: DesktopControls | null): void;
}

export interface DesktopControls {
  ctrlAltDel(): void;
  paste(text: string): void;
  /** Asks the server to size the desktop to the window (and keep it so), where the server can resize. */
  fitToWindow(on: boolean): void;
}

/**
 * The session's WebSocket as noVNC sees it: only the RFB bytes (binary frames); the gateway's JSON notices
 * (text frames) stay with the window.
 */
class RfbChannel {
  binaryType: BinaryType = 'arraybuffer';
  onerror: ((event: Event) => void) | null = null;
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;

  private readonly socket: WebSocket;
  private handler: ((event: MessageEvent) => void) | null = null;
  // noVNC attaches on a later task; the server's first bytes may arrive before that.
  private readonly early: MessageEvent[] = [];

  constructor(socket: WebSocket) {
    this.socket = socket;
  }

  get onmessage() {
    return this.handler;
  }

  set onmessage(handler: ((event: MessageEvent) => void) | null) {
    this.handler = handler;
    if (handler !== null && this.early.length > 0) {
      // after noVNC's attach has finished setting up
      window.setTimeout(() => this.early.splice(0).forEach((event) => this.deliver(event)), 0);
    }
  }

  deliver(event: MessageEvent) {
    if (this.handler === null || this.early.length > 0) this.early.push(event);
    else this.handler(event);
  }

  get protocol() {
    return this.socket.protocol;
  }

  get readyState() {
    return this.socket.readyState;
  }

  send(data: ArrayBuffer | Uint8Array) {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(data);
  }

  close() {
    this.socket.close();
  }
}

/**
 * A remote desktop (noVNC) filling its parent over one session WebSocket: binary frames are RFB, the gateway
 * playing a server without authentication; text frames are the same JSON notices as for terminals.
 */
export function DesktopPane(paneProps: DesktopPaneProps) {
  const { interactive, label, testId } = paneProps;
  const containerRef = useRef<HTMLDivElement>(null);
  const props = useLatest(paneProps);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return undefined;
    let socket: WebSocket | null = null;
    let channel: RfbChannel | null = null;
    let rfb: RFB | null = null;
    let opened = false;
    let received = false;
    let ended = false;

    function finish(end: SessionEnd) {
      if (ended) return;
      ended = true;
      if (rfb !== null) rfb.viewOnly = true;
      props.current.onControls?.(null);
      props.current.onEnded(end);
    }

    function startDesktop(ws: WebSocket) {
      channel = new RfbChannel(ws);
      const desktop = new RFB(container as HTMLElement, channel, { shared: true });
      desktop.viewOnly = !interactive;
      desktop.scaleViewport = true;
      // The remote desktop keeps its size, shared with whoever else sees it, and the window scales it to fit,
      // until the user asks for the desktop to take the window's size.
      desktop.resizeSession = false;
      rfb = desktop;
      props.current.onControls?.({
        ctrlAltDel: () => desktop.sendCtrlAltDel(),
        paste: (text) => desktop.clipboardPasteFrom(text),
        fitToWindow: (on) => {
          desktop.resizeSession = on;
        },
      });
      desktop.focus();
    }

    const connectTimer = window.setTimeout(() => {
      const ws = new WebSocket(props.current.url);
      ws.binaryType = 'arraybuffer';
      socket = ws;
      ws.onopen = () => {
        opened = true;
        const credentials = props.current.takeCredentials?.() ?? null;
        if (credentials !== null) ws.send(JSON.stringify({ type: 'sign-in', ...credentials }));
      };
      ws.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
        received = true;
        if (typeof event.data !== 'string') {
          channel?.deliver(event);
          return;
        }
        const record = parseNotice(event.data);
        if (record === null) return;
        if (record.type === 'ready' && !ended) {
          startDesktop(ws);
          props.current.onReady?.(readyFromNotice(record));
        } else if (record.type === 'ended') {
          finish(endFromNotice(record.reason, record.message));
        }
      };
      ws.onclose = (event) => {
        channel?.onclose?.(event);
        const explained = event.reason.trim();
        const message = explained !== '' ? explained : received ? CONNECTION_LOST : props.current.refusedMessage;
        finish({ reason: null, message, closeCode: opened ? event.code : null });
      };
    }, 0);

    return () => {
      window.clearTimeout(connectTimer);
      if (socket !== null) {
        socket.onclose = null;
        socket.onmessage = null;
        socket.close();
      }
    };
  }, [interactive]);

  return <div ref={containerRef} className="desktop-host" role="region" aria-label={label} data-testid={testId} />;
}

/** Keys a browser keeps for itself, text for the remote clipboard, and the desktop's size. */
export function DesktopToolbar({ controls }: { controls: DesktopControls | null }) {
  const [text, setText] = useState('');
  const [fit, setFit] = useState(false);
  const disabled = controls === null;
  return (
    <div className="desktop-toolbar" role="toolbar" aria-label="Remote desktop">
      <button type="button" className="button button-secondary" disabled={disabled}
        onClick={() => controls?.ctrlAltDel()} data-testid="desktop-ctrl-alt-del">
        Send Ctrl-Alt-Del
      </button>
      <form
        className="desktop-clipboard"
        onSubmit={(event) => {
          event.preventDefault();
          if (controls !== null && text !== '') controls.paste(text);
        }}
      >
        <label htmlFor="desktop-clipboard-text">Remote clipboard</label>
        <input id="desktop-clipboard-text" value={text} onChange={(event) => setText(event.target.value)}
          disabled={disabled} data-testid="desktop-clipboard-text" />
        <button type="submit" className="button button-secondary" disabled={disabled || text === ''}>
          Send to clipboard
        </button>
      </form>
      <label className="desktop-fit" title="Where the remote desktop can change its size">
        <input
          type="checkbox"
          checked={fit}
          disabled={disabled}
          onChange={(event) => {
            setFit(event.target.checked);
            controls?.fitToWindow(event.target.checked);
          }}
          data-testid="desktop-fit"
        />
        Resize the remote desktop to this window
      </label>
    </div>
  );
}
