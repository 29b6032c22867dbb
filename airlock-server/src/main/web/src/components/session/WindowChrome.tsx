import { useEffect, useRef, useState, type ReactNode } from 'react';
import { AlertIcon, LogoMark, RecordIcon } from '../Icons';
import { STATUS_TEXT, type ConnectionStatus, type SessionWarning } from './terminal';
import './session-window.css';

/** The full-window layout of session and monitor windows: a slim bar, then the content. */
export function TerminalWindow({ children }: { children: ReactNode }) {
  return <div className="term-window">{children}</div>;
}

/** The slim bar at the top of a session or monitor window. */
export function WindowBar({ title, children, status }: { title: ReactNode; children?: ReactNode; status: ReactNode }) {
  return (
    <header className="term-bar">
      <LogoMark className="term-bar-logo" width={22} height={22} />
      <h1 className="term-bar-title">{title}</h1>
      {children !== undefined && <div className="term-bar-facts">{children}</div>}
      <div className="term-bar-status">{status}</div>
    </header>
  );
}

export function RecordingBadge({ testId }: { testId: string }) {
  return (
    <span
      className="term-recording"
      data-testid={testId}
      title="Everything shown in this session is recorded for later review."
    >
      <RecordIcon width={14} height={14} />
      Recording
    </span>
  );
}

/**
 * Under the bar of a recorded session's window from the moment it opens, before the equipment answers.
 * Once the session ended it no longer claims to record: it says, muted, that the recording stopped with it.
 */
export function RecordedBanner({ ended, testId }: { ended: boolean; testId: string }) {
  return (
    <div
      className={`term-recorded-banner${ended ? ' term-recorded-banner-ended' : ''}`}
      role="status"
      data-testid={testId}
      data-ended={ended || undefined}
    >
      <RecordIcon width={14} height={14} />
      {ended ? (
        <span>The recording stopped when the session ended.</span>
      ) : (
        <span>
          <span className="term-recorded-banner-title">This session is recorded.</span> Everything shown and typed in
          this window is kept for later review.
        </span>
      )}
    </div>
  );
}

/** "Connecting…", "Connected" or "Ended", announced politely as it changes. */
export function StatusPill({ status, testId }: { status: ConnectionStatus; testId: string }) {
  return (
    <span className={`term-status term-status-${status}`} role="status" data-testid={testId}>
      {STATUS_TEXT[status]}
    </span>
  );
}

/** Asks the browser to close the window; windows not opened by the app cannot be closed by script. */
function useCloseWindow() {
  const [blocked, setBlocked] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  function close() {
    window.close();
    // Still here: the browser refused (a window the user opened).
    timer.current = window.setTimeout(() => setBlocked(true), 300);
  }
  return { close, blocked };
}

/** A second thing to do once the session ended: open it again, reconnect a monitor. */
export interface EndedAction {
  label: string;
  onClick(): void;
}

/** Shown above the terminal once the session ended; the terminal stays readable below it. */
export function EndedBanner({
  title,
  message,
  testId,
  action,
}: {
  title: string;
  message: string;
  testId: string;
  action?: EndedAction;
}) {
  const { close, blocked } = useCloseWindow();
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Nothing more can be typed: move keyboard focus to what is left to do.
  useEffect(() => buttonRef.current?.focus(), []);
  return (
    <div className="term-ended" role="alert" data-testid={testId}>
      <AlertIcon className="term-ended-icon" />
      <div className="term-ended-text">
        <p className="term-ended-title">{title}</p>
        <p className="term-ended-message" data-testid={`${testId}-message`}>
          {message}
        </p>
        {blocked && <p className="term-ended-hint">Close this browser tab to finish.</p>}
      </div>
      <div className="term-ended-actions">
        {action !== undefined && (
          <button
            ref={buttonRef}
            type="button"
            className="button button-primary button-small"
            onClick={action.onClick}
            data-testid={`${testId}-action`}
          >
            {action.label}
          </button>
        )}
        <button
          ref={action === undefined ? buttonRef : undefined}
          type="button"
          className="button button-secondary button-small"
          onClick={close}
        >
          Close window
        </button>
      </div>
    </div>
  );
}

/**
 * A warning about the running session (its access window closes soon): announced at once, but it neither
 * takes the focus nor covers the terminal, so the user can finish what they are typing.
 */
export function WarningBanner({
  warning,
  onDismiss,
  testId,
}: {
  warning: SessionWarning;
  onDismiss(): void;
  testId: string;
}) {
  return (
    <div className="term-ended term-warning" role="alert" data-testid={testId}>
      <AlertIcon className="term-ended-icon" width={16} height={16} />
      <p className="term-warning-message" data-testid={`${testId}-message`}>
        {warning.message}
      </p>
      <button type="button" className="button button-secondary button-small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** A problem before any terminal exists (the launch was refused, the link is incomplete). */
export function WindowError({ title, message, testId }: { title: string; message: string; testId: string }) {
  const { close, blocked } = useCloseWindow();
  return (
    <main className="term-message">
      <div className="term-message-card" role="alert" data-testid={testId}>
        <AlertIcon className="term-message-icon" width={28} height={28} />
        <h1 className="term-message-title">{title}</h1>
        <p className="term-message-text">{message}</p>
        {blocked && <p className="term-ended-hint">Close this browser tab to finish.</p>}
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={close}>
            Close window
          </button>
        </div>
      </div>
    </main>
  );
}

/** Before the terminal is ready: a spinner over the terminal area. */
export function ConnectingOverlay({ label }: { label: string }) {
  return (
    <div className="term-connecting">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
