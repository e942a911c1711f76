// Which question to ask: the coach's own questions for this engagement first, then the
// bank's questions for the leader's level and for any level, never the question this
// leader was asked last time at the same moment. Deterministic for a given seed.
import { QUESTION_BANK, type BankQuestion } from './bank.js';
import type { QuestionUse } from './uses.js';

export interface AskedQuestion {
  /** A bank id, or `coach:<uuid>` for a coach's own question. */
  id: string;
  text: string;
}

export interface CoachQuestion {
  id: string;
  use: QuestionUse;
  text: string;
}

export interface DrawInput {
  use: QuestionUse;
  /** The level of the target the question is about (or the leader's first), if any. */
  level: number | null;
  /** The id asked last time at this moment, if any. */
  lastAskedId: string | null;
  coachQuestions?: readonly CoachQuestion[];
  /** Any stable string (a nudge id, a time): the same seed draws the same question. */
  seed: string;
  bank?: readonly BankQuestion[];
}

export const coachQuestionId = (id: string): string => `coach:${id}`;

function hash(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The bank's candidates at `use`: the level's own questions and the ones for any level. */
export function bankCandidates(use: QuestionUse, level: number | null, bank: readonly BankQuestion[] = QUESTION_BANK): BankQuestion[] {
  return bank.filter((q) => q.use === use && (q.level === null || q.level === level));
}

export function drawQuestion(input: DrawInput): AskedQuestion {
  const notLast = <T extends AskedQuestion>(list: T[]) => list.filter((q) => q.id !== input.lastAskedId);
  const coach = notLast((input.coachQuestions ?? []).filter((q) => q.use === input.use).map((q) => ({ id: coachQuestionId(q.id), text: q.text })));
  // The coach's questions come first, in the order they were added: the first one not asked last time.
  if (coach.length > 0) return coach[0]!;
  const candidates = notLast(bankCandidates(input.use, input.level, input.bank).map((q) => ({ id: q.id, text: q.text })));
  if (candidates.length === 0) throw new Error(`no question in the bank for ${input.use}`);
  return candidates[hash(`${input.seed}:${input.use}`) % candidates.length]!;
}

/** The text of a question by id (a bank id); undefined when it is not in the bank. */
export const bankText = (id: string): string | undefined => QUESTION_BANK.find((q) => q.id === id)?.text;

/**
 * The bank's first question for any level at a moment: what a form asks before anything
 * was drawn for the leader, and the heading an answer is shown again under.
 */
export function defaultQuestion(use: QuestionUse): string {
  const first = QUESTION_BANK.find((q) => q.use === use && q.level === null);
  if (!first) throw new Error(`no question in the bank for ${use}`);
  return first.text;
}
