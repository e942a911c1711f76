// The short written answers a leader gives between sessions — a reflection on a
// follow-up, the answers to session prep — as rules: which questions, how long, and
// that an empty form saves nothing.
import { visibilitySchema, type Visibility } from '../checkin/rules.js';
import { bankText } from '../questions/draw.js';

export const REFLECTION_TEXT_MAX = 1500;

/**
 * Each answer's key and its heading where the answer is shown again (the digest, the
 * brief): the bank's first question for that moment. The leader is asked a drawn one.
 */
export const REFLECT_QUESTIONS = {
  happened: bankText('happened-01')!,
  learned: bankText('learned-01')!,
  try_next: bankText('next-01')!,
};

export const PREP_QUESTIONS = {
  commitment: bankText('prep-commit-01')!,
  want: bankText('prep-want-01')!,
};

export type ReflectionForm = { ok: true; body: Record<string, string>; visibility: Visibility } | { ok: false; errors: Record<string, string> };

/** Reads the answers to `questions` (keyed by question id) and a visibility; at least one answer. */
export function parseReflectionForm(questions: Record<string, string>, values: Record<string, string | undefined>): ReflectionForm {
  const body: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const ids = Object.keys(questions);
  for (const id of ids) {
    const text = values[id]?.trim();
    if (!text) continue;
    if (text.length > REFLECTION_TEXT_MAX) errors[id] = `Please keep this under ${REFLECTION_TEXT_MAX} characters.`;
    else body[id] = text;
  }
  if (Object.keys(body).length === 0 && Object.keys(errors).length === 0) errors[ids[0]!] = 'What would you like to note? One answer is enough.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const visibility = visibilitySchema.safeParse(values.visibility);
  return { ok: true, body, visibility: visibility.success ? visibility.data : 'summary' };
}
