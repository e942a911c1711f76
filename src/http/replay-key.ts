// The identity of a Slack request for replay protection. Slack retries an event with a new
// timestamp and signature but the same `event_id`; a person's double submission of a modal
// carries the same view id, hash and values; anything else replayed byte for byte carries
// the same signature. Keys are digests, so no id or text of the body is stored.
import { createHash } from 'node:crypto';

export function replayKey(body: Record<string, unknown>, signature: string): string {
  const digest = (s: string) => createHash('sha256').update(s).digest('base64url');
  if (typeof body.event_id === 'string' && body.event_id) return `event:${digest(body.event_id)}`;
  const view = body.view as { id?: unknown; hash?: unknown; state?: unknown } | undefined;
  if (body.type === 'view_submission' && view && typeof view.id === 'string' && typeof view.hash === 'string') {
    // The values are part of the key: a modal answered with errors is resubmitted, corrected,
    // under the same view id and hash, and that second submission must count.
    return `view:${digest(`${view.id}|${view.hash}|${JSON.stringify(view.state ?? null)}`)}`;
  }
  return `sig:${digest(signature)}`;
}
