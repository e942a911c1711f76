// chat.postMessage, chat.update, chat.delete, chat.postEphemeral and chat.getPermalink.

import {
  authedTeam, optionalString, requireString, type MethodContext, type MethodSpec,
} from '../method-context.js';
import { SlackError } from '../slack-error.js';
import type { StoredMessage } from '../state-types.js';
import { publicMessage, readMessageContent } from './message-args.js';

function postMessage(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const channelArg = requireString(ctx.args, 'channel', 'channel_not_found');
  const channel = ctx.store.resolveChannel(team.id, channelArg);
  if (!channel.members.has(team.botUserId)) throw new SlackError('not_in_channel');
  const content = readMessageContent(ctx, { requireContent: true });
  const threadTs = optionalString(ctx.args, 'thread_ts');
  const message: StoredMessage = {
    type: 'message',
    ts: ctx.store.ids.ts(ctx.now()),
    channel: channel.id,
    user: team.botUserId,
    bot_id: team.botId,
    app_id: team.appId,
    team: team.id,
    ...content,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
  channel.messages.push(message);
  return { channel: channel.id, ts: message.ts, message: publicMessage(message, true) };
}

function update(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const channel = ctx.store.findChannel(team.id, requireString(ctx.args, 'channel', 'channel_not_found'));
  if (!channel) throw new SlackError('channel_not_found');
  const ts = requireString(ctx.args, 'ts', 'message_not_found');
  const message = channel.messages.find((m) => m.ts === ts);
  if (!message) throw new SlackError('message_not_found');
  if (message.app_id !== team.appId) throw new SlackError('cant_update_message');
  const content = readMessageContent(ctx, { requireContent: false });
  if (content.text !== '' || content.blocks) message.text = content.text;
  if (content.blocks) message.blocks = content.blocks;
  if (content.metadata) message.metadata = content.metadata;
  message.edited = { user: team.botUserId, ts: ctx.store.ids.ts(ctx.now()) };
  return { channel: channel.id, ts, text: message.text, message: publicMessage(message, true) };
}

/** As Slack: a bot token deletes only its own app's messages (`cant_delete_message`). */
function remove(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const channel = ctx.store.findChannel(team.id, requireString(ctx.args, 'channel', 'channel_not_found'));
  if (!channel) throw new SlackError('channel_not_found');
  const ts = requireString(ctx.args, 'ts', 'message_not_found');
  const index = channel.messages.findIndex((m) => m.ts === ts);
  if (index === -1) throw new SlackError('message_not_found');
  if (channel.messages[index]!.app_id !== team.appId) throw new SlackError('cant_delete_message');
  channel.messages.splice(index, 1);
  return { channel: channel.id, ts };
}

function postEphemeral(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const channel = ctx.store.resolveChannel(team.id, requireString(ctx.args, 'channel', 'channel_not_found'));
  const userId = requireString(ctx.args, 'user', 'user_not_found');
  const user = ctx.store.findUser(team.id, userId);
  if (!user) throw new SlackError('user_not_found');
  if (!channel.members.has(userId)) throw new SlackError('user_not_in_channel');
  const content = readMessageContent(ctx, { requireContent: true });
  const ts = ctx.store.ids.ts(ctx.now());
  ctx.store.ephemerals.push({
    teamId: team.id, channel: channel.id, userId, ts, text: content.text,
    ...(content.blocks ? { blocks: content.blocks } : {}), via: 'chat.postEphemeral',
  });
  return { message_ts: ts };
}

function getPermalink(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const channelId = requireString(ctx.args, 'channel', 'channel_not_found');
  const channel = ctx.store.findChannel(team.id, channelId);
  if (!channel) throw new SlackError('channel_not_found');
  const ts = requireString(ctx.args, 'message_ts', 'message_not_found');
  if (!channel.messages.some((m) => m.ts === ts)) throw new SlackError('message_not_found');
  return { channel: channel.id, permalink: `https://${team.domain}.slack.com/archives/${channel.id}/p${ts.replace('.', '')}` };
}

export const chatMethods: Record<string, MethodSpec> = {
  'chat.postMessage': { tier: 'post', auth: 'token', handle: postMessage },
  'chat.update': { tier: 3, auth: 'token', handle: update },
  'chat.delete': { tier: 3, auth: 'token', handle: remove },
  'chat.postEphemeral': { tier: 4, auth: 'token', handle: postEphemeral },
  'chat.getPermalink': { tier: 4, auth: 'token', handle: getPermalink },
};
