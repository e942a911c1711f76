// Reads the values of a submitted view, whatever the element type, by block id. Slack
// nests each value under block_id → action_id; Grow uses one element per input block.
import { z } from 'zod';

const optionSchema = z.object({ value: z.string() }).passthrough();
const elementSchema = z
  .object({
    type: z.string(),
    value: z.string().nullish(),
    selected_option: optionSchema.nullish(),
    selected_options: z.array(optionSchema).nullish(),
    selected_date: z.string().nullish(),
    selected_time: z.string().nullish(),
    selected_user: z.string().nullish(),
  })
  .passthrough();

export const viewStateSchema = z.record(z.string(), z.record(z.string(), elementSchema));
export type ViewStateValues = z.infer<typeof viewStateSchema>;

/** The single value of an input block, trimmed; undefined when empty or absent. */
export function readInput(values: ViewStateValues, blockId: string): string | undefined {
  const block = values[blockId];
  if (!block) return undefined;
  const element = Object.values(block)[0];
  if (!element) return undefined;
  const raw =
    element.value ?? element.selected_option?.value ?? element.selected_date ?? element.selected_time ?? element.selected_user ?? undefined;
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}

export function readMulti(values: ViewStateValues, blockId: string): string[] {
  const element = Object.values(values[blockId] ?? {})[0];
  return element?.selected_options?.map((o) => o.value) ?? [];
}
