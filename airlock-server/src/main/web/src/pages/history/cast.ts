/** One output event of an asciicast v2 recording: seconds since the start, and what the screen was sent. */
export interface CastOutput {
  time: number;
  data: string;
}

export interface Cast {
  width: number;
  height: number;
  events: CastOutput[];
}

/** Reads an asciicast v2 file: a JSON header line, then one `[time, code, data]` array per line. */
export function parseCast(text: string): Cast {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const header = JSON.parse(lines[0] ?? '{}') as { version?: number; width?: number; height?: number };
  if (header.version !== 2) throw new Error('This is not an asciicast version 2 recording.');
  const events: CastOutput[] = [];
  for (const line of lines.slice(1)) {
    const event = JSON.parse(line) as unknown;
    if (Array.isArray(event) && typeof event[0] === 'number' && event[1] === 'o' && typeof event[2] === 'string') {
      events.push({ time: event[0], data: event[2] });
    }
  }
  return { width: header.width ?? 80, height: header.height ?? 24, events };
}

/**
 * The events with every pause longer than `maxIdle` seconds shortened to it ("skip idle"), so a session
 * left open for an hour replays in moments; the order and the shorter pauses are kept.
 */
export function skipIdle(events: readonly CastOutput[], maxIdle: number): CastOutput[] {
  let shift = 0;
  let previous = 0;
  return events.map((event) => {
    const gap = event.time - previous;
    if (gap > maxIdle) shift += gap - maxIdle;
    previous = event.time;
    return { time: event.time - shift, data: event.data };
  });
}

/** The index of the first event after `seconds`: everything before it is on the screen at that moment. */
export function eventsUntil(events: readonly CastOutput[], seconds: number): number {
  const index = events.findIndex((event) => event.time > seconds);
  return index === -1 ? events.length : index;
}
