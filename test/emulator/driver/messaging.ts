// Driver actions around messages: slash commands, clicking buttons or choosing options in
// a message, and message shortcuts.

import type { Json } from '../state-types.js';
import { assignIds } from '../block-kit/assign-ids.js';
import { toResult, type DriveResult, type DriverContext } from './context.js';
import { describeAction, findElement } from './find-element.js';
import { interactionBase, interactionForm, slashCommandForm } from './payloads.js';
import { deliveredCommandText, readManifest } from '../scopes.js';

export interface SlashCommandInput { teamId: string; userId: string; command: string; text?: string; channelId?: string }
export interface SlashCommandResult extends DriveResult { triggerId: string; responseUrl: string }

export async function slashCommand(ctx: DriverContext, input: SlashCommandInput): Promise<SlashCommandResult> {
  const { team, user } = ctx.actor(input.teamId, input.userId);
  const channel = input.channelId ? ctx.store.findChannel(team.id, input.channelId) : ctx.store.imWith(team.id, user.id);
  if (!channel) throw new Error(`emulator: unknown channel ${input.channelId}`);
  const triggerId = ctx.store.issueTrigger(team.id, user.id, ctx.now());
  const responseUrl = ctx.responseUrls.issue(ctx.origin(), { teamId: team.id, userId: user.id, channelId: channel.id });
  const escaped = readManifest().escapedCommands.includes(input.command);
  const text = deliveredCommandText(input.text ?? '', escaped, (id) => ctx.store.findUser(team.id, id)?.name);
  const answer = await ctx.post(slashCommandForm({
    team, user, command: input.command, text, channelId: channel.id,
    channelName: channel.kind === 'im' ? 'directmessage' : channel.name, responseUrl, triggerId,
  }), 'application/x-www-form-urlencoded');
  const result: SlashCommandResult = { ...toResult(answer), triggerId, responseUrl };
  if (answer.failure || answer.body === undefined) return result;
  // A body in the acknowledgement is shown like a response_url reply (ephemeral by default).
  const reply: Json = typeof answer.body === 'string' ? { text: answer.body } : (answer.body as Json);
  const id = responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
  const applied = ctx.responseUrls.deliverAck(id, reply);
  return applied.status === 200 ? result : { ...result, failure: 'invalid_blocks' };
}

export interface MessageActionInput {
  teamId: string; userId: string; channelId: string; ts: string; actionId: string; blockId?: string;
  /** For selects, radios, overflow menus and checkboxes: the chosen option value(s). */
  value?: string | string[];
}

export interface InteractionResult extends DriveResult { triggerId: string; responseUrl?: string }

/** Clicks a button (or picks an option) in a stored message or ephemeral, as block_actions. */
export async function actOnMessage(ctx: DriverContext, input: MessageActionInput): Promise<InteractionResult> {
  const { team, user } = ctx.actor(input.teamId, input.userId);
  const channel = ctx.store.findChannel(team.id, input.channelId);
  const message = channel?.messages.find((m) => m.ts === input.ts);
  const ephemeral = message ? undefined : ctx.store.ephemerals.find((e) => e.teamId === team.id && e.ts === input.ts && e.userId === user.id);
  if (!message && !ephemeral) throw new Error(`emulator: no message ${input.ts} in ${input.channelId}`);
  const blocks = (message?.blocks ?? ephemeral?.blocks) as Json[] | undefined;
  const located = findElement(blocks, input.actionId, input.blockId, input.value);
  const now = ctx.now();
  const triggerId = ctx.store.issueTrigger(team.id, user.id, now);
  const responseUrl = ctx.responseUrls.issue(ctx.origin(), {
    teamId: team.id, userId: user.id, channelId: input.channelId, messageTs: input.ts,
  });
  const { channel: _c, metadata: _m, ...publicMessage } = message ?? { channel: '', metadata: undefined };
  const payload: Json = {
    ...interactionBase('block_actions', team, user, triggerId),
    container: { type: 'message', message_ts: input.ts, channel_id: input.channelId, is_ephemeral: !message },
    channel: { id: input.channelId, name: channel?.kind === 'im' ? 'directmessage' : channel?.name ?? input.channelId },
    ...(message ? { message: publicMessage } : {}),
    state: { values: {} },
    response_url: responseUrl,
    actions: [describeAction(located, ctx.store.ids.ts(now), input.value)],
  };
  const answer = await ctx.post(interactionForm(payload), 'application/x-www-form-urlencoded');
  return { ...toResult(answer), triggerId, responseUrl };
}

export interface ShortcutInput { teamId: string; userId: string; channelId: string; ts: string; callbackId: string }

export async function messageShortcut(ctx: DriverContext, input: ShortcutInput): Promise<InteractionResult> {
  const { team, user } = ctx.actor(input.teamId, input.userId);
  const channel = ctx.store.findChannel(team.id, input.channelId);
  const message = channel?.messages.find((m) => m.ts === input.ts);
  if (!channel || !message) throw new Error(`emulator: no message ${input.ts} in ${input.channelId}`);
  const now = ctx.now();
  const triggerId = ctx.store.issueTrigger(team.id, user.id, now);
  const responseUrl = ctx.responseUrls.issue(ctx.origin(), { teamId: team.id, userId: user.id, channelId: channel.id });
  const { channel: _c, metadata: _m, ...publicMessage } = message;
  const payload: Json = {
    ...interactionBase('message_action', team, user, triggerId),
    callback_id: input.callbackId,
    action_ts: ctx.store.ids.ts(now),
    message_ts: message.ts,
    channel: { id: channel.id, name: channel.kind === 'im' ? 'directmessage' : channel.name },
    message: { ...publicMessage, ...(publicMessage.blocks ? { blocks: assignIds(publicMessage.blocks, message.ts) } : {}) },
    response_url: responseUrl,
  };
  const answer = await ctx.post(interactionForm(payload), 'application/x-www-form-urlencoded');
  return { ...toResult(answer), triggerId, responseUrl };
}
