// users.info, dnd.info and dnd.teamInfo: the person data Grow schedules around (time zone,
// DND window, snooze, deactivation).

import { authedTeam, optionalString, requireString, type MethodContext, type MethodSpec } from '../method-context.js';
import { SlackError } from '../slack-error.js';
import type { User } from '../state-types.js';
import { localDate, offsetSeconds, zonedToEpoch, zoneLabel } from '../time-zones.js';

export function publicUser(user: User, now: number) {
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    deleted: user.deleted,
    color: '9f69e7',
    real_name: user.realName,
    tz: user.tz,
    tz_label: zoneLabel(user.tz, now),
    tz_offset: offsetSeconds(user.tz, now),
    profile: {
      real_name: user.realName, display_name: user.name, real_name_normalized: user.realName,
      display_name_normalized: user.name, team: user.teamId,
    },
    is_admin: user.isAdmin,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.isBot,
    is_app_user: false,
    updated: Math.floor(now / 1000),
  };
}

function info(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const user = ctx.store.findUser(team.id, requireString(ctx.args, 'user', 'user_not_found'));
  if (!user) throw new SlackError('user_not_found');
  return { user: publicUser(user, ctx.now()) };
}

function parseHm(hm: string): [number, number] {
  const [h = '0', m = '0'] = hm.split(':');
  return [Number(h), Number(m)];
}

/**
 * The DND window that contains now, or else the next one: Slack reports the current
 * window's start (in the past) while DND is on, and the upcoming window otherwise.
 */
export function dndWindow(user: User, now: number): { start: number; end: number } | undefined {
  const dnd = user.dnd;
  if (!dnd || !('start' in dnd)) return undefined;
  const [sh, sm] = parseHm(dnd.start);
  const [eh, em] = parseHm(dnd.end);
  for (const offset of [-1, 0, 1]) {
    const day = localDate(user.tz, now, offset);
    const start = zonedToEpoch(user.tz, day.y, day.m, day.d, sh, sm);
    let end = zonedToEpoch(user.tz, day.y, day.m, day.d, eh, em);
    if (end <= start) {
      const next = localDate(user.tz, start, 1);
      end = zonedToEpoch(user.tz, next.y, next.m, next.d, eh, em);
    }
    if (now < end) return { start, end };
  }
  return undefined;
}

function dndInfo(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const userId = optionalString(ctx.args, 'user') ?? ctx.token?.userId ?? team.botUserId;
  const user = ctx.store.findUser(team.id, userId);
  if (!user) throw new SlackError('user_not_found');
  const now = ctx.now();
  const window = dndWindow(user, now);
  const snoozeUntil = user.dnd && 'snoozeUntil' in user.dnd ? user.dnd.snoozeUntil.getTime() : undefined;
  const snoozing = snoozeUntil !== undefined && snoozeUntil > now;
  const schedule = {
    dnd_enabled: window !== undefined,
    next_dnd_start_ts: window ? Math.floor(window.start / 1000) : 1,
    next_dnd_end_ts: window ? Math.floor(window.end / 1000) : 1,
  };
  // Slack shows snooze_* only when the queried user is the token's own user, so a bot
  // token never sees another person's snooze.
  if (ctx.token?.userId !== user.id) return schedule;
  return {
    ...schedule,
    snooze_enabled: snoozing,
    ...(snoozing ? {
      snooze_endtime: Math.floor((snoozeUntil as number) / 1000),
      snooze_remaining: Math.ceil(((snoozeUntil as number) - now) / 1000),
      snooze_is_indefinite: false,
    } : {}),
  };
}

// Slack answers at most 50 users per dnd.teamInfo call.
const TEAM_INFO_MAX_USERS = 50;

/** Scheduled DND windows of many users at once; unknown ids are left out, as in Slack. */
function dndTeamInfo(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const ids = (optionalString(ctx.args, 'users') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length > TEAM_INFO_MAX_USERS) throw new SlackError('invalid_arguments');
  const now = ctx.now();
  const users: Record<string, { dnd_enabled: boolean; next_dnd_start_ts: number; next_dnd_end_ts: number }> = {};
  for (const id of ids) {
    const user = ctx.store.findUser(team.id, id);
    if (!user) continue;
    const window = dndWindow(user, now);
    users[id] = {
      dnd_enabled: window !== undefined,
      next_dnd_start_ts: window ? Math.floor(window.start / 1000) : 1,
      next_dnd_end_ts: window ? Math.floor(window.end / 1000) : 1,
    };
  }
  return { users };
}

export const userMethods: Record<string, MethodSpec> = {
  'users.info': { tier: 4, auth: 'token', handle: info },
  'dnd.info': { tier: 3, auth: 'token', handle: dndInfo },
  'dnd.teamInfo': { tier: 2, auth: 'token', handle: dndTeamInfo },
};
