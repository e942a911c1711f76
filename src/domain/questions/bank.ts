// The question bank: every question Grow asks a leader between sessions lives in one data
// file, ./bank.json, grouped by the moment it is asked at (./uses.ts) and then by level of
// the five-level hierarchy ("any", or "level 1" … "level 5"), each question under its id.
// This module reads that file once, when Grow starts, and refuses to start on a bank of
// the wrong shape (an unknown moment or level, an id used twice, a question missing its
// question mark). test/domain/questions/bank.test.ts lints the wording: open questions
// only, no advice.
//
// What is not here, on purpose: the questions Grow puts to the coach (the digest's and the
// roster's signals, the brief's suggested openings for a style and its foundation
// question) — the coach asks those, in their own words, not Grow; the rating and choice
// labels (commitment and openness 1 to 10, "Does one of these sound like you?"), whose
// fixed wording keeps the numbers comparable; and the stakeholder pulse's questions.
import { z } from 'zod';
import data from './bank.json' with { type: 'json' };
import { QUESTION_USES, type QuestionUse } from './uses.js';

export type BankLevel = 1 | 2 | 3 | 4 | 5 | null;

export interface BankQuestion {
  /** Stable: the last question asked is stored by id, so an id is never reused. */
  readonly id: string;
  readonly use: QuestionUse;
  readonly level: BankLevel;
  readonly text: string;
}

const LEVEL_KEYS = { any: null, 'level 1': 1, 'level 2': 2, 'level 3': 3, 'level 4': 4, 'level 5': 5 } as const satisfies Record<string, BankLevel>;
type LevelKey = keyof typeof LEVEL_KEYS;
const LEVEL_ORDER = Object.keys(LEVEL_KEYS) as LevelKey[];

export const QUESTION_TEXT_MAX = 300;

const questionsById = z.record(
  z.string().regex(/^[a-z]+(-[a-z]+)*-\d{2}$/, 'an id such as "goal-01"'),
  z.string().min(1).max(QUESTION_TEXT_MAX).refine((t) => t.trim() === t && t.endsWith('?'), 'a question, ending with "?"'),
);
const byLevel = z.object(Object.fromEntries(LEVEL_ORDER.map((k) => [k, questionsById.optional()])) as Record<LevelKey, z.ZodOptional<typeof questionsById>>).strict();
const bankFile = z.record(z.enum(QUESTION_USES), byLevel);

/** Flattens the file, moments in the file's order and, within one, any level first, then 1 to 5. */
export function parseBank(raw: unknown): BankQuestion[] {
  const file = bankFile.parse(raw);
  const bank = Object.entries(file).flatMap(([use, levels]) =>
    LEVEL_ORDER.flatMap((key) => Object.entries(levels[key] ?? {}).map(([id, text]) => ({ id, use: use as QuestionUse, level: LEVEL_KEYS[key], text }))),
  );
  const seen = new Set<string>();
  for (const q of bank) {
    if (seen.has(q.id)) throw new Error(`question bank: the id ${q.id} is used twice`);
    seen.add(q.id);
  }
  return bank;
}

export const QUESTION_BANK: readonly BankQuestion[] = Object.freeze(parseBank(data));
