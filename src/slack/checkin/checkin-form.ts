// Maps between the check-in modal's blocks and the draft's fields, both ways, so errors
// land on the block the leader has to fix.
import type { CheckInDraft, DraftErrors } from '../../domain/checkin/rules.js';
import type { EngagementChoice, TargetChoice } from '../blocks/checkin-modal.js';
import { readInput, readMulti, type ViewStateValues } from '../read-view-state.js';

const BLOCK_FOR: Record<keyof CheckInDraft, string> = {
  goal: 'goal',
  targetId: 'goal_target',
  engagementId: 'engagement',
  reality: 'reality',
  options: 'options',
  will: 'will',
  dueDate: 'will_due',
  commitment: 'commitment',
  visibility: 'visibility',
  makeItTen: 'make_it_ten',
  preconditionNudge: 'precondition_nudge',
  expectation: 'expectation',
};

export function readCheckInValues(values: ViewStateValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, blockId] of Object.entries(BLOCK_FOR)) {
    const v = readInput(values, blockId);
    if (v !== undefined) out[field] = v;
  }
  // A checkbox: ticked or not.
  if (readMulti(values, BLOCK_FOR.preconditionNudge).includes('yes')) out.preconditionNudge = 'yes';
  else delete out.preconditionNudge;
  return out;
}

/** Slack only shows errors on input blocks that are in the view; anything else goes on the Will. */
export function errorsForBlocks(errors: DraftErrors, blockIds: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const blockId = BLOCK_FOR[field as keyof CheckInDraft];
    const target = blockId && blockIds.has(blockId) ? blockId : 'will';
    out[target] = out[target] ? `${out[target]} ${message}` : message!;
  }
  return out;
}

/** The target options of a submitted view, so the revisit step can show them again without a query. */
export function targetsFromView(blocks: unknown[]): TargetChoice[] {
  return optionsOf(blocks, 'goal_target').map((o) => ({ id: o.value, description: o.text }));
}

/** The engagement options of a submitted view, for the revisit step likewise. */
export function engagementsFromView(blocks: unknown[]): EngagementChoice[] {
  return optionsOf(blocks, 'engagement').map((o) => ({ id: o.value, label: o.text }));
}

function optionsOf(blocks: unknown[], blockId: string): { text: string; value: string }[] {
  const block = blocks.find((b): b is { block_id: string; element: { options?: { text: { text: string }; value: string }[] } } =>
    typeof b === 'object' && b !== null && (b as { block_id?: string }).block_id === blockId,
  );
  return (block?.element.options ?? []).map((o) => ({ text: o.text.text, value: o.value }));
}

/**
 * The questions a submitted view asked as labels (goal first's goal, the experiment's
 * expectation), so the revisit step asks them as they were asked.
 */
export function askedFromView(blocks: unknown[]): { goal_own?: string; expectation?: string } {
  const label = (blockId: string) =>
    blocks.find((b): b is { block_id: string; label?: { text?: string } } => typeof b === 'object' && b !== null && (b as { block_id?: string }).block_id === blockId)?.label?.text;
  const goal = label('goal');
  const expectation = label('expectation');
  return { ...(goal ? { goal_own: goal } : {}), ...(expectation ? { expectation } : {}) };
}
