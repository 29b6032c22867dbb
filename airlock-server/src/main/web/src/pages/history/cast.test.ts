import { describe, expect, it } from 'vitest';
import { eventsUntil, parseCast, skipIdle } from './cast';
import { startSeconds, unplayable } from './recordingCheck';
import { ApiError } from '../../api';

const CAST = [
  JSON.stringify({ version: 2, width: 100, height: 30 }),
  JSON.stringify([0.5, 'o', '$ ']),
  JSON.stringify([0.6, 'i', 'l']),
  JSON.stringify([1.0, 'o', 'ls\r\n']),
  JSON.stringify([601.0, 'o', 'done\r\n']),
].join('\n');

describe('terminal recording text view', () => {
  it('reads the output events of an asciicast v2 file and its size', () => {
    const cast = parseCast(CAST);
    expect(cast.width).toBe(100);
    expect(cast.events.map((e) => e.data)).toEqual(['$ ', 'ls\r\n', 'done\r\n']);
  });

  it('refuses another version rather than showing garbage', () => {
    expect(() => parseCast('{"version":3}\n')).toThrow(/version 2/);
  });

  it('shortens long pauses with skip idle and keeps short ones', () => {
    const times = skipIdle(parseCast(CAST).events, 1).map((e) => e.time);
    expect(times).toEqual([0.5, 1.0, 2.0]);
  });

  it('starts ?t= seconds in with everything before that moment on the screen', () => {
    const events = parseCast(CAST).events;
    expect(eventsUntil(events, 0)).toBe(0);
    expect(eventsUntil(events, 1)).toBe(2);
    expect(eventsUntil(events, 10_000)).toBe(3);
    expect(startSeconds('42.5')).toBe(42.5);
    expect(startSeconds('soon')).toBe(0);
  });

  it('shows a tamper warning for 409 and the retention policy for 410', () => {
    expect(unplayable(new ApiError(409, 'Tamper warning: the recording in the bucket differs.')).kind).toBe('tampered');
    expect(unplayable(new ApiError(410, 'Gone'))).toEqual({ kind: 'expired' });
    expect(unplayable(new ApiError(409, 'The recording is not in the bucket yet.')).kind).toBe('error');
  });
});
