// Button values on nudge messages: which nudge a click answers and what it is about.
// Encoded and parsed only here, against one schema, so a click handler never trusts a
// value it cannot read (an old or tampered value parses to undefined: treat as stale).
import { z } from 'zod';
import { decodeJson, encodeJson } from './metadata.js';

// Slack allows 2000 characters in a button value; ids keep us far below that.
export const BUTTON_VALUE_MAX = 2000;

export const nudgeButtonValueSchema = z
  .object({
    nudgeId: z.string().uuid(),
    actionId: z.string().uuid().optional(),
    sessionId: z.string().uuid().optional(),
    engagementId: z.string().uuid().optional(),
  })
  .strict();

export type NudgeButtonValue = z.infer<typeof nudgeButtonValueSchema>;

export function encodeNudgeValue(value: NudgeButtonValue): string {
  const encoded = encodeJson(nudgeButtonValueSchema, value);
  if (encoded.length > BUTTON_VALUE_MAX) throw new RangeError('button value too long');
  return encoded;
}

export function parseNudgeValue(raw: string | undefined | null): NudgeButtonValue | undefined {
  return decodeJson(nudgeButtonValueSchema, raw);
}
