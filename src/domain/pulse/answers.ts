// Reading a stakeholder's answers from the pulse modal: a score −3…+3 per target when the
// round asks for one (required), and an optional suggestion per target. A bad value is an
// error on its own block; nothing typed is lost.
import { z } from 'zod';
import { asksForScore, SCORE_MAX, SCORE_MIN, SUGGESTION_MAX, type PulseStage } from './rules.js';

export interface PulseAnswer {
  targetId: string;
  score: number | null;
  suggestion: string | null;
}

export const scoreBlockId = (position: number) => `score${position}`;
export const suggestionBlockId = (position: number) => `suggestion${position}`;

const score = z.coerce.number().int().min(SCORE_MIN).max(SCORE_MAX);

export function parsePulseAnswers(
  stage: PulseStage,
  targets: { id: string; position: number }[],
  values: Record<string, string | undefined>,
): { ok: true; answers: PulseAnswer[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const answers = targets.map((t) => {
    let value: number | null = null;
    if (asksForScore(stage)) {
      const parsed = score.safeParse(values[scoreBlockId(t.position)] ?? '');
      if (parsed.success && values[scoreBlockId(t.position)]) value = parsed.data;
      else errors[scoreBlockId(t.position)] = 'Choose a point from −3 to +3.';
    }
    const text = values[suggestionBlockId(t.position)]?.trim() ?? '';
    if (text.length > SUGGESTION_MAX) errors[suggestionBlockId(t.position)] = `Please keep it under ${SUGGESTION_MAX} characters.`;
    return { targetId: t.id, score: value, suggestion: text.length > 0 ? text : null };
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}
