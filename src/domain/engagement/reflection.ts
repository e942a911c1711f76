// The short written answers a leader gives between sessions — a reflection on a
// follow-up, the answers to session prep — as rules: which questions, how long, and
// that an empty form saves nothing.
import { visibilitySchema, type Visibility } from '../checkin/rules.js';
import { bankText } from '../questions/draw.js';
import { DIFFERENT_THIS_TIME, type Style } from './style.js';

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

/**
 * The prep questions for this style. The first prep of "it didn't help me before" opens
 * with what would make this time different; the other styles word theirs their own way.
 * The ids stay the same, so every answer reads the same wherever it is shown.
 */
export function prepQuestionsFor(style: Style, firstPrep: boolean, drawn?: { commitment: string; want: string }): Record<string, string> {
  const different: Record<string, string> = style === 'chooser' && firstPrep ? { different: DIFFERENT_THIS_TIME } : {};
  // A style's own wording wins; otherwise the question drawn from the bank for this leader.
  const commitment = style === 'experiment' ? 'What happened in your experiment, compared with what you expected?' : (drawn?.commitment ?? PREP_QUESTIONS.commitment);
  const want = style === 'goal_first' ? 'What do you want for yourself from the next session?' : (drawn?.want ?? PREP_QUESTIONS.want);
  return { ...different, commitment, want };
}

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
