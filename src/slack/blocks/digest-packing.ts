// Fits a digest of any length into Slack messages: leaders' groups of blocks in order,
// as many as fit in the first message, the rest in replies in its thread, each message
// within Slack's 50 blocks. A leader is never dropped and never split across messages.
import { context, divider, type Block } from './kit.js';
import { mention } from './digest-text.js';

/** Slack allows 50 blocks in a message. */
export const MESSAGE_BLOCKS = 50;
// A context element holds 2000 characters; the note names leaders while there is room.
const NOTE_MAX = 2000;

export interface LeaderGroup {
  /** The leaders the blocks are about (one for a full entry, several for a block of one-liners). */
  leaderIds: string[];
  blocks: Block[];
}

export interface PackedPart {
  blocks: Block[];
  leaderIds: string[];
}

function namesNote(open: string, ids: string[], close: string): string {
  const names = ids.map(mention);
  const listed: string[] = [];
  for (const [i, name] of names.entries()) {
    const others = names.length - i - 1;
    const tail = others > 0 ? ` and ${others} more` : '';
    if (open.length + [...listed, name].join(', ').length + tail.length + close.length > NOTE_MAX) break;
    listed.push(name);
  }
  const unnamed = names.length - listed.length;
  return `${open}${listed.join(', ')}${unnamed > 0 ? ` and ${unnamed} more` : ''}${close}`;
}

/**
 * The first part starts with `head`; every part holds whole groups separated by
 * dividers. When there is more than one part, the first ends with a note naming who
 * follows in the thread, and each reply starts with `replyHead`.
 */
export function packDigest(head: Block[], groups: LeaderGroup[], replyHead: (n: number) => Block): PackedPart[] {
  const parts: PackedPart[] = [];
  // The first part keeps one block for the note on who follows in the thread.
  let current: PackedPart = { blocks: [...head], leaderIds: [] };
  let room = MESSAGE_BLOCKS - 1;
  for (const group of groups) {
    const sep = current.leaderIds.length > 0 ? 1 : 0;
    if (current.blocks.length + sep + group.blocks.length > room && current.leaderIds.length > 0) {
      parts.push(current);
      current = { blocks: [replyHead(parts.length + 1)], leaderIds: [] };
      room = MESSAGE_BLOCKS;
    }
    if (current.leaderIds.length > 0) current.blocks.push(divider());
    current.blocks.push(...group.blocks);
    current.leaderIds.push(...group.leaderIds);
  }
  parts.push(current);
  if (parts.length > 1) {
    const later = parts.slice(1).flatMap((p) => p.leaderIds);
    parts[0]!.blocks.push(context(namesNote('More in the thread below: ', later, '.')));
  }
  return parts;
}
