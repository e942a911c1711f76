// Events API deliveries: any event in an event_callback envelope, plus the ones Grow
// listens for built from workspace state (app_home_opened, app_uninstalled with
// tokens_revoked, user_change).

import type { Json } from '../state-types.js';
import { publicUser } from '../methods/users.js';
import { toResult, type DriveResult, type DriverContext } from './context.js';
import { eventEnvelope } from './payloads.js';

export interface EventInput {
  teamId: string;
  event: Json;
  /** Marks a redelivery, as Slack does after a failed or slow first attempt. */
  retry?: { num: number; reason: 'http_timeout' | 'http_error' | 'connection_failed' | 'ssl_error' | 'too_many_redirects' | 'unknown_error' };
  /** Reuse an event id to model a redelivery of the same event. */
  eventId?: string;
}

export interface EventResult extends DriveResult { eventId: string }

export async function deliverEvent(ctx: DriverContext, input: EventInput): Promise<EventResult> {
  const team = ctx.store.team(input.teamId);
  const eventId = input.eventId ?? `Ev${ctx.store.ids.next('E').slice(1)}`;
  // Slack sends only the event types the app subscribes to; anything else never reaches it.
  const type = subscriptionOf(input.event);
  if (!ctx.botEvents().includes(type)) {
    ctx.store.unsubscribedEvents.push({ teamId: team.id, type });
    return { status: 0, body: undefined, failure: 'not_subscribed', eventId };
  }
  const now = ctx.now();
  const event = { event_ts: ctx.store.ids.ts(now), ...input.event };
  const body = JSON.stringify(eventEnvelope(team, event, eventId, Math.floor(now / 1000)));
  const answer = await ctx.post(body, 'application/json', input.retry ? { retry: input.retry } : {});
  return { ...toResult(answer), eventId };
}

/** The subscription an event needs: message events are subscribed per kind of conversation (`message.im`). */
function subscriptionOf(event: Json): string {
  const type = typeof event.type === 'string' ? event.type : '';
  return type === 'message' && typeof event.channel_type === 'string' ? `message.${event.channel_type}` : type;
}

/**
 * A user types in their DM with the app: the message is stored in the DM's history (where
 * conversations.history finds it) and, if the app subscribes to `message.im`, delivered.
 */
export function userSaysInDm(ctx: DriverContext, input: { teamId: string; userId: string; text: string }): Promise<EventResult & { ts: string }> {
  const { team, user } = ctx.actor(input.teamId, input.userId);
  const channel = ctx.store.imWith(team.id, user.id);
  const ts = ctx.store.ids.ts(ctx.now());
  channel.messages.push({ type: 'message', ts, channel: channel.id, text: input.text, user: user.id, team: team.id });
  return deliverEvent(ctx, {
    teamId: team.id,
    event: { type: 'message', channel_type: 'im', channel: channel.id, user: user.id, text: input.text, ts, team: team.id },
  }).then((r) => ({ ...r, ts }));
}

export function openHome(ctx: DriverContext, input: { teamId: string; userId: string; tab?: 'home' | 'messages' }) {
  const { team, user } = ctx.actor(input.teamId, input.userId);
  const homeId = ctx.store.homeViews.get(`${team.id}/${user.id}`);
  const view = homeId ? ctx.store.views.get(homeId)?.view : undefined;
  const channel = ctx.store.imWith(team.id, user.id);
  return deliverEvent(ctx, {
    teamId: team.id,
    event: { type: 'app_home_opened', user: user.id, channel: channel.id, tab: input.tab ?? 'home', ...(view ? { view } : {}) },
  });
}

/** The workspace removes the app: tokens stop working, then both events go out. */
export async function uninstallApp(ctx: DriverContext, teamId: string): Promise<EventResult[]> {
  const team = ctx.store.team(teamId);
  team.uninstalled = true;
  const bots = [...ctx.store.tokens.values()].filter((t) => t.teamId === teamId && t.kind === 'bot').map(() => team.botUserId);
  const users = [...ctx.store.tokens.values()].filter((t) => t.teamId === teamId && t.kind === 'user').map((t) => t.userId);
  return [
    await deliverEvent(ctx, { teamId, event: { type: 'tokens_revoked', tokens: { oauth: users, bot: [...new Set(bots)] } } }),
    await deliverEvent(ctx, { teamId, event: { type: 'app_uninstalled' } }),
  ];
}

export function userChanged(ctx: DriverContext, input: { teamId: string; userId: string }): Promise<EventResult> {
  const user = ctx.store.user(input.teamId, input.userId);
  return deliverEvent(ctx, {
    teamId: input.teamId,
    event: { type: 'user_change', user: publicUser(user, ctx.now()), cache_ts: Math.floor(ctx.now() / 1000) },
  });
}

export type { DriveResult };
