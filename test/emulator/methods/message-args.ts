// Shared reading of message content arguments (text, blocks, metadata) for chat.* methods,
// with the refusals Slack gives for each.

import { optionalJson, optionalString, type MethodContext } from '../method-context.js';
import { SlackError } from '../slack-error.js';
import type { Json, StoredMessage } from '../state-types.js';
import { MESSAGE_TEXT_MAX } from '../block-kit/limits.js';
import { assignIds } from '../block-kit/assign-ids.js';

export interface MessageContent {
  text: string;
  blocks?: Json[];
  metadata?: StoredMessage['metadata'];
}

export function readMessageContent(ctx: MethodContext, opts: { requireContent: boolean }): MessageContent {
  const text = optionalString(ctx.args, 'text') ?? '';
  const rawBlocks = optionalJson(ctx.args, 'blocks', 'invalid_blocks_format');
  let blocks: Json[] | undefined;
  if (rawBlocks !== undefined) {
    if (!Array.isArray(rawBlocks)) {
      throw SlackError.withMessages('invalid_blocks_format', ['[ERROR] must provide an array [json-pointer:/blocks]']);
    }
    const problems = ctx.blockKit.message(rawBlocks);
    if (problems.length > 0) {
      throw new SlackError('invalid_blocks', {
        errors: problems.map((p) => p.replace(/^\[ERROR\] /, '')),
        response_metadata: { messages: problems },
      });
    }
    blocks = assignIds(rawBlocks as Json[], ctx.store.ids.next('msg'));
  }
  if (opts.requireContent && text === '' && (!blocks || blocks.length === 0)) throw new SlackError('no_text');
  if (text.length > MESSAGE_TEXT_MAX) throw new SlackError('msg_too_long');
  const metadata = readMetadata(ctx);
  return { text, ...(blocks ? { blocks } : {}), ...(metadata ? { metadata } : {}) };
}

function readMetadata(ctx: MethodContext): StoredMessage['metadata'] | undefined {
  const raw = optionalJson(ctx.args, 'metadata', 'invalid_metadata_format');
  if (raw === undefined) return undefined;
  const candidate = raw as { event_type?: unknown; event_payload?: unknown };
  if (
    typeof raw !== 'object' || raw === null || Array.isArray(raw)
    || typeof candidate.event_type !== 'string' || candidate.event_type === ''
    || typeof candidate.event_payload !== 'object' || candidate.event_payload === null
    || Array.isArray(candidate.event_payload)
  ) {
    throw new SlackError('invalid_metadata_format');
  }
  if (JSON.stringify(raw).length > 16_000) throw new SlackError('metadata_too_large');
  return { event_type: candidate.event_type, event_payload: candidate.event_payload as Json };
}

/** The message object as Slack echoes it in responses and history. */
export function publicMessage(message: StoredMessage, withMetadata: boolean): Json {
  const { channel: _channel, metadata, ...rest } = message;
  return withMetadata && metadata ? { ...rest, metadata } : rest;
}
