import { ApiError, isAbortError } from '../../api';
import { recordingUrl, type RecordingFormat } from './api';

/** What the player shows instead of a recording the gateway will not serve. */
export type Unplayable =
  { kind: 'tampered'; message: string } | { kind: 'expired' } | { kind: 'error'; message: string };

/**
 * Turns the gateway's refusal into what the player says: 409 is a tamper warning (never played silently),
 * 410 is the bucket's retention policy (not an error), anything else is an error with the server's words.
 */
export function unplayable(error: unknown): Unplayable {
  if (error instanceof ApiError && error.status === 409 && error.message.startsWith('Tamper warning')) {
    return { kind: 'tampered', message: error.message };
  }
  if (error instanceof ApiError && error.status === 410) return { kind: 'expired' };
  if (error instanceof ApiError) return { kind: 'error', message: error.message };
  return { kind: 'error', message: 'The recording could not be loaded. Reload the page and try again.' };
}

async function errorFrom(response: Response): Promise<ApiError> {
  let message = `The recording could not be loaded (HTTP ${response.status}).`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error.trim() !== '') message = body.error;
  } catch {
    // Not a JSON body: keep the plain message.
  }
  return new ApiError(response.status, message);
}

/**
 * Asks the gateway for the recording's first byte before the player is given its address: the gateway
 * checks the object against its SHA-256 then, so a tampered or expired recording is reported here and the
 * video element never starts on it. The gateway counts this and the player's own opening as one view.
 */
export async function checkRecording(id: number, format: RecordingFormat, signal?: AbortSignal): Promise<true> {
  let response: Response;
  try {
    response = await fetch(recordingUrl(id, format), {
      headers: { Range: 'bytes=0-0' },
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'Cannot reach the Airlock server. Check the network connection and try again.');
  }
  if (!response.ok) throw await errorFrom(response);
  await response.body?.cancel();
  return true;
}

/** The whole terminal recording (.cast), for the text view. */
export async function fetchCast(id: number, signal?: AbortSignal): Promise<string> {
  const response = await fetch(recordingUrl(id, 'cast'), { credentials: 'same-origin', cache: 'no-store', signal });
  if (!response.ok) throw await errorFrom(response);
  return response.text();
}

/** A `?t=` value as seconds into the recording; anything else starts at the beginning. */
export function startSeconds(value: string | null): number {
  const seconds = Number(value ?? '');
  return value !== null && Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

export const PLAYBACK_SPEEDS: readonly number[] = [0.5, 0.75, 1, 1.5, 2, 4, 8];
