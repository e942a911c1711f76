// The short written answers a leader gives between sessions — a reflection on a
// follow-up, the answers to session prep — as rules: which questions, how long, and
// that an empty form saves nothing.
import { visibilitySchema, type Visibility } from '../checkin/rules.js';

export const REFLECTION_TEXT_MAX = 1500;

export const REFLECT_QUESTIONS = {
  happened: 'What happened?',
  learned: 'What did you learn?',
  try_next: 'What will you try next?',
} as const;

export const PREP_QUESTIONS = {
  commitment: 'What happened with your commitment?',
  want: 'What do you want from the next session?',
} as const;

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
