import { useQuery } from '@tanstack/react-query';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorState, LoadingState } from '../../components/States';
import { eventsUntil, parseCast, skipIdle, type Cast } from './cast';
import { fetchCast, PLAYBACK_SPEEDS, unplayable } from './recordingCheck';
import { UnplayableState } from './UnplayableState';

/** Pauses longer than this are shortened to it when "Skip idle" is on. */
const MAX_IDLE_SECONDS = 1;

/**
 * The terminal recording as text: replayed through xterm.js from the .cast, so what is on the screen is
 * selectable and can be copied, with "Skip idle" and the same speeds as the video.
 */
export function CastView({ sessionId, start }: { sessionId: number; start: number }) {
  const cast = useQuery({
    queryKey: ['sessions', 'cast', sessionId],
    queryFn: async ({ signal }) => parseCast(await fetchCast(sessionId, signal)),
    staleTime: Infinity,
  });
  if (cast.isPending) return <LoadingState label="Loading the terminal recording…" />;
  if (cast.isError) {
    const reason = unplayable(cast.error);
    if (reason.kind !== 'error') return <UnplayableState reason={reason} />;
    return (
      <ErrorState
        title="The terminal recording could not be loaded."
        message={reason.message}
        onRetry={() => void cast.refetch()}
        testId="cast-error"
      />
    );
  }
  return <CastPlayer cast={cast.data} start={start} />;
}

function CastPlayer({ cast, start }: { cast: Cast; start: number }) {
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);
  const [idleSkipped, setIdleSkipped] = useState(true);
  const [speed, setSpeed] = useState(1);
  const [playing, setPlaying] = useState(true);
  const [finished, setFinished] = useState(false);
  const [copied, setCopied] = useState(false);

  // Replays from `start` (seconds of the original recording): what came before is written at once.
  const startIndex = useMemo(() => eventsUntil(cast.events, start), [cast, start]);
  const [position, setPosition] = useState(startIndex);
  useEffect(() => {
    if (host.current === null) return undefined;
    const term = new Terminal({ cols: cast.width, rows: cast.height, disableStdin: true, scrollback: 5000 });
    term.open(host.current);
    term.write(
      cast.events
        .slice(0, startIndex)
        .map((e) => e.data)
        .join(''),
    );
    terminal.current = term;
    return () => {
      term.dispose();
      terminal.current = null;
    };
  }, [cast, startIndex]);

  useEffect(() => {
    if (!playing || terminal.current === null) return undefined;
    const timeline = idleSkipped ? skipIdle(cast.events, MAX_IDLE_SECONDS) : cast.events;
    if (position >= timeline.length) {
      setFinished(true);
      return undefined;
    }
    const previous = position === 0 ? 0 : timeline[position - 1]!.time;
    const delay = Math.max(0, (timeline[position]!.time - previous) / speed) * 1000;
    const timer = window.setTimeout(() => {
      terminal.current?.write(timeline[position]!.data);
      setPosition(position + 1);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [cast, playing, position, idleSkipped, speed]);

  async function copyScreen() {
    const term = terminal.current;
    if (term === null) return;
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    await navigator.clipboard.writeText(lines.join('\n').trimEnd());
    setCopied(true);
  }

  return (
    <div className="cast-view" data-testid="cast-view">
      <div className="player-controls">
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => setPlaying((p) => !p)}
          disabled={finished}
        >
          {playing && !finished ? 'Pause' : 'Play'}
        </button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={idleSkipped}
            onChange={(e) => setIdleSkipped(e.target.checked)}
            data-testid="cast-skip-idle"
          />
          Skip idle
        </label>
        <SpeedSelect id="cast-speed" value={speed} onChange={setSpeed} />
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => void copyScreen()}
          data-testid="cast-copy"
        >
          {copied ? 'Copied' : 'Copy text'}
        </button>
        <span className="section-note" aria-live="polite">
          {finished ? 'End of the recording.' : null}
        </span>
      </div>
      <div ref={host} className="cast-terminal" role="region" aria-label="Terminal recording, as text" />
    </div>
  );
}

export function SpeedSelect({ id, value, onChange }: { id: string; value: number; onChange(speed: number): void }) {
  return (
    <label className="player-speed" htmlFor={id}>
      Speed
      <select
        id={id}
        className="select select-compact"
        value={String(value)}
        onChange={(e) => onChange(Number(e.target.value))}
        data-testid={id}
      >
        {PLAYBACK_SPEEDS.map((s) => (
          <option key={s} value={String(s)}>
            {s}×
          </option>
        ))}
      </select>
    </label>
  );
}
