// conversations.open and conversations.history (with cursor pagination and metadata).

import {
  authedTeam, optionalBoolean, optionalNumber, optionalString, requireString,
  type MethodContext, type MethodSpec,
} from '../method-context.js';
import { SlackError } from '../slack-error.js';
import { compareTs } from '../ids.js';
import { publicMessage } from './message-args.js';

function open(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const channelArg = optionalString(ctx.args, 'channel');
  if (channelArg) {
    const existing = ctx.store.findChannel(team.id, channelArg);
    if (!existing || existing.kind !== 'im') throw new SlackError('channel_not_found');
    return { channel: { id: existing.id } };
  }
  const users = (optionalString(ctx.args, 'users') ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (users.length === 0) throw new SlackError('users_list_not_supplied');
  if (users.length > 1) throw new SlackError('method_not_supported_for_channel_type');
  const userId = users[0] as string;
  const user = ctx.store.findUser(team.id, userId);
  if (!user) throw new SlackError('user_not_found');
  if (user.deleted) throw new SlackError('user_disabled');
  if (user.isBot) throw new SlackError('cannot_dm_bot');
  const preventCreation = optionalBoolean(ctx.args, 'prevent_creation') ?? false;
  const channel = ctx.store.imWith(team.id, user.id);
  if (preventCreation && channel.messages.length === 0) return { no_op: true, channel: { id: channel.id } };
  const full = optionalBoolean(ctx.args, 'return_im') ?? false;
  return {
    channel: full
      ? { id: channel.id, created: Math.floor(ctx.now() / 1000), is_im: true, is_org_shared: false, user: user.id, is_open: true }
      : { id: channel.id },
  };
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 999;

function history(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const channel = ctx.store.findChannel(team.id, requireString(ctx.args, 'channel', 'channel_not_found'));
  if (!channel) throw new SlackError('channel_not_found');
  if (!channel.members.has(team.botUserId)) throw new SlackError('not_in_channel');
  const limit = Math.min(Math.max(optionalNumber(ctx.args, 'limit') ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const inclusive = optionalBoolean(ctx.args, 'inclusive') ?? false;
  const oldest = optionalString(ctx.args, 'oldest') ?? '0';
  const latest = optionalString(ctx.args, 'latest');
  const withMetadata = optionalBoolean(ctx.args, 'include_all_metadata') ?? false;
  const cursor = optionalString(ctx.args, 'cursor');
  const before = cursor ? decodeCursor(cursor) : latest;

  const inWindow = channel.messages
    .filter((m) => {
      const afterOldest = inclusive ? compareTs(m.ts, oldest) >= 0 : compareTs(m.ts, oldest) > 0;
      if (!afterOldest) return false;
      if (before === undefined) return true;
      if (cursor) return compareTs(m.ts, before) <= 0;
      return inclusive ? compareTs(m.ts, before) <= 0 : compareTs(m.ts, before) < 0;
    })
    .sort((a, b) => compareTs(b.ts, a.ts));
  const page = inWindow.slice(0, limit);
  const next = inWindow[limit];
  return {
    messages: page.map((m) => publicMessage(m, withMetadata)),
    has_more: next !== undefined,
    pin_count: 0,
    channel_actions_ts: null,
    channel_actions_count: 0,
    response_metadata: { next_cursor: next ? encodeCursor(next.ts) : '' },
  };
}

// Slack's history cursors are base64 of "next_ts:<ts>"; opaque to clients either way.
function encodeCursor(ts: string): string {
  return Buffer.from(`next_ts:${ts}`).toString('base64');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  if (!decoded.startsWith('next_ts:')) throw new SlackError('invalid_cursor');
  return decoded.slice('next_ts:'.length);
}

export const conversationMethods: Record<string, MethodSpec> = {
  'conversations.open': { tier: 3, auth: 'token', handle: open },
  'conversations.history': { tier: 3, auth: 'token', handle: history },
};
