// The ids of the request being handled, carried across awaits (AsyncLocalStorage) so that
// every log line written while handling it, in the receiver, Bolt or a listener, names
// the request, the workspace and the person. Ids only: never a field of the payload that
// a person wrote.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestIds {
  requestId: string;
  teamId?: string;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestIds>();

export function runWithRequestIds<T>(fn: () => T, requestId: string = randomUUID()): T {
  return storage.run({ requestId }, fn);
}

/** The ids of the current request, for pino's mixin; empty outside a request. */
export function currentRequestIds(): Partial<RequestIds> {
  const ids = storage.getStore();
  if (!ids) return {};
  const out: Partial<RequestIds> = { requestId: ids.requestId };
  if (ids.teamId) out.teamId = ids.teamId;
  if (ids.userId) out.userId = ids.userId;
  return out;
}

const asId = (v: unknown) => (typeof v === 'string' && /^[A-Z0-9]{2,32}$/.test(v) ? v : undefined);

/** Reads the team and user ids of a Slack command, interaction or event into the current request. */
export function bindSlackIds(body: Record<string, unknown>): void {
  const ids = storage.getStore();
  if (!ids) return;
  const team = body.team as { id?: unknown } | undefined;
  const user = body.user as { id?: unknown } | string | undefined;
  const event = body.event as { user?: unknown } | undefined;
  ids.teamId = asId(body.team_id) ?? asId(team?.id) ?? ids.teamId;
  ids.userId = asId(body.user_id) ?? asId(typeof user === 'string' ? user : user?.id) ?? asId(event?.user) ?? ids.userId;
}

/**
 * Runs `fn` with the ids of a Slack request bound: inside the HTTP request's context when
 * there is one, in a new one otherwise (Socket Mode, where no HTTP request carries it).
 */
export function withSlackRequest<T>(body: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  if (storage.getStore()) {
    bindSlackIds(body);
    return fn();
  }
  return runWithRequestIds(() => {
    bindSlackIds(body);
    return fn();
  });
}


/**
 * Runs `fn` with the current request's person left out of every log line it writes: for
 * work whose lines must not tie a person to what they did (an anonymous answer).
 */
export function withoutPerson<T>(fn: () => Promise<T>): Promise<T> {
  const ids = storage.getStore();
  if (!ids) return fn();
  return storage.run({ requestId: ids.requestId, ...(ids.teamId ? { teamId: ids.teamId } : {}) }, fn);
}
