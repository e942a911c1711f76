// Entry points of Block Kit validation for the two surfaces: messages and views.
// Each returns Slack-style problem lines ("[ERROR] … [json-pointer:/…]"); empty means valid.

import { checkBlockList } from './blocks.js';
import {
  CALLBACK_ID_MAX, EXTERNAL_ID_MAX, MESSAGE_BLOCKS_MAX, PRIVATE_METADATA_MAX, VIEW_BLOCKS_MAX,
  VIEW_CLOSE_MAX, VIEW_SUBMIT_MAX, VIEW_TITLE_MAX,
} from './limits.js';
import { Problems } from './problems.js';

export interface BlockKitCheck {
  message(blocks: unknown[]): string[];
  view(view: Record<string, unknown>): string[];
}

export function validateMessageBlocks(blocks: unknown[]): string[] {
  const p = new Problems();
  checkBlockList(p, blocks, '/blocks', MESSAGE_BLOCKS_MAX, 'message');
  return p.lines;
}

export function validateView(view: Record<string, unknown>): string[] {
  const p = new Problems();
  const type = view.type;
  if (type !== 'modal' && type !== 'home') {
    p.add('/view/type', 'must be modal or home');
    return p.lines;
  }
  const info = checkBlockList(p, view.blocks, '/view/blocks', VIEW_BLOCKS_MAX, type);
  if (type === 'modal') {
    if (view.title === undefined) p.add('/view', 'missing required field: title');
    else p.text(view.title, '/view/title', { max: VIEW_TITLE_MAX, plainOnly: true });
    p.optionalText(view.submit, '/view/submit', { max: VIEW_SUBMIT_MAX, plainOnly: true });
    p.optionalText(view.close, '/view/close', { max: VIEW_CLOSE_MAX, plainOnly: true });
    // Slack cannot show inputs without a way to submit them.
    if (info.hasInput && view.submit === undefined) p.add('/view/submit', 'submit is required when an input block is present');
  }
  if (view.private_metadata !== undefined && typeof view.private_metadata !== 'string') {
    p.add('/view/private_metadata', 'must be a string');
  }
  p.maxLength(view.private_metadata, PRIVATE_METADATA_MAX, '/view/private_metadata');
  p.maxLength(view.callback_id, CALLBACK_ID_MAX, '/view/callback_id');
  p.maxLength(view.external_id, EXTERNAL_ID_MAX, '/view/external_id');
  return p.lines;
}

export const blockKitCheck: BlockKitCheck = { message: validateMessageBlocks, view: validateView };
