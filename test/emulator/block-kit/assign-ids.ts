// Slack fills in block_id and action_id when an app leaves them out, so interactions can
// always name the block and element. The emulator does the same when storing blocks.

import { createHash } from 'node:crypto';
import type { Json } from '../state-types.js';

const ELEMENT_KEYS = ['accessory', 'element'] as const;

/** Returns copies of the blocks with every block and interactive element identified. */
export function assignIds(blocks: Json[], seed: string): Json[] {
  return blocks.map((block, i) => {
    const copy: Json = { ...block };
    const blockId = typeof copy.block_id === 'string' ? copy.block_id : shortId(`${seed}/${i}`);
    copy.block_id = blockId;
    for (const key of ELEMENT_KEYS) {
      const element = copy[key];
      if (isInteractive(element)) copy[key] = withActionId(element, `${blockId}/${key}`);
    }
    if (Array.isArray(copy.elements) && copy.type === 'actions') {
      copy.elements = (copy.elements as Json[]).map((el, j) => (isInteractive(el) ? withActionId(el, `${blockId}/${j}`) : el));
    }
    return copy;
  });
}

function isInteractive(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Json).type !== 'image';
}

function withActionId(element: Json, seed: string): Json {
  return typeof element.action_id === 'string' ? element : { ...element, action_id: shortId(seed) };
}

// Slack's generated ids are short random strings; a hash keeps them stable per content.
function shortId(seed: string): string {
  return createHash('sha1').update(seed).digest('base64url').slice(0, 5);
}
