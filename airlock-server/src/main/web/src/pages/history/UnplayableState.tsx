import type { Unplayable } from './recordingCheck';

/** A recording the gateway will not serve: the tamper warning, or the bucket's retention (not an error). */
export function UnplayableState({ reason }: { reason: Exclude<Unplayable, { kind: 'error' }> }) {
  if (reason.kind === 'tampered') {
    return (
      <div className="alert alert-error player-refusal" role="alert" data-testid="recording-tampered">
        <p className="player-refusal-title">Tamper warning</p>
        <p>{withoutTitle(reason.message)}</p>
      </div>
    );
  }
  return (
    <div className="alert alert-info player-refusal" role="status" data-testid="recording-expired">
      <p className="player-refusal-title">Expired by the bucket's retention policy</p>
      <p>The bucket's lifecycle rule has removed this recording. Its auditing information stays in Session History.</p>
    </div>
  );
}

/** The gateway's message starts with the words the title already shows. */
function withoutTitle(message: string): string {
  const rest = message.replace(/^Tamper warning:\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
