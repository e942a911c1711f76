// Reads a submitted modal in one step: its private_metadata (zod-checked) and the values
// of the named input blocks. Undefined when either cannot be read, so a listener answers
// with one inline error instead of trusting a tampered or outdated view.
import type { z } from 'zod';
import { decodeJson } from './metadata.js';
import { readInput, viewStateSchema, type ViewStateValues } from './read-view-state.js';

export const UNREADABLE_FORM = 'This form could not be read. Please open it again.';

export interface SubmittedView {
  private_metadata?: string;
  state: { values: unknown };
}

export function readSubmission<S extends z.ZodTypeAny>(
  view: SubmittedView,
  metaSchema: S,
  blockIds: readonly string[],
): { meta: z.output<S>; values: Record<string, string | undefined>; state: ViewStateValues } | undefined {
  const meta = decodeJson(metaSchema, view.private_metadata);
  const state = viewStateSchema.safeParse(view.state.values);
  if (meta === undefined || !state.success) return undefined;
  // `state` is there for inputs with several values (checkboxes), read with `readMulti`.
  return { meta, values: Object.fromEntries(blockIds.map((id) => [id, readInput(state.data, id)])), state: state.data };
}

/** The ack body that shows one error on one input block. */
export const errorOn = (blockId: string, message: string) => ({ response_action: 'errors' as const, errors: { [blockId]: message } });
