// A session recap, as rules: what the coach and leader agreed, short enough to become the
// leader's action (the check-in's "Will" holds 500 characters).
import { LIMITS } from '../checkin/rules.js';

export const RECAP_MAX = LIMITS.will;

export type RecapForm = { ok: true; text: string } | { ok: false; errors: Record<string, string> };

export function parseRecap(values: Record<string, string | undefined>): RecapForm {
  const text = values.recap?.trim() ?? '';
  if (!text) return { ok: false, errors: { recap: 'What did you agree?' } };
  if (text.length > RECAP_MAX) return { ok: false, errors: { recap: `Please keep the recap under ${RECAP_MAX} characters, so it fits as their action.` } };
  return { ok: true, text };
}
