// What a round shows when it closes, and only then: per target, how many stakeholders
// gave each score and their suggestions in a random order. Nothing before the close (so
// the order in which answers came cannot point at anyone) and nothing at all below three
// answers.
import { ANSWERS_TO_RELEASE, SCORE_MAX, SCORE_MIN } from './rules.js';

export interface ResponseFacts {
  targetId: string;
  score: number | null;
  suggestion: string | null;
}

export interface TargetResult {
  targetId: string;
  /** Count of answers per score, from −3 to +3, every score present. */
  distribution: { score: number; count: number }[];
  scored: number;
  suggestions: string[];
}

export type RoundRelease =
  | { released: false; reason: 'still_open' | 'too_few_answers'; answered: number }
  | { released: true; answered: number; targets: TargetResult[] };

export interface ReleaseInput {
  closesAt: Date;
  now: Date;
  /** How many people answered (from the invitations, never from the responses). */
  answered: number;
  targetIds: string[];
  responses: ResponseFacts[];
  /** A uniform random number in [0, 1); crypto-backed in production, seeded in tests. */
  random: () => number;
}

/** Fisher–Yates, so every order is equally likely whatever order the rows came in. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const isClosed = (round: { closesAt: Date }, now: Date): boolean => round.closesAt.getTime() <= now.getTime();

export function releaseRound(input: ReleaseInput): RoundRelease {
  if (!isClosed(input, input.now)) return { released: false, reason: 'still_open', answered: input.answered };
  if (input.answered < ANSWERS_TO_RELEASE) return { released: false, reason: 'too_few_answers', answered: input.answered };
  const targets = input.targetIds.map((targetId) => {
    const mine = input.responses.filter((r) => r.targetId === targetId);
    const distribution = [];
    for (let score = SCORE_MIN; score <= SCORE_MAX; score++) distribution.push({ score, count: mine.filter((r) => r.score === score).length });
    const suggestions = mine.map((r) => r.suggestion?.trim() ?? '').filter((s) => s.length > 0);
    return { targetId, distribution, scored: mine.filter((r) => r.score !== null).length, suggestions: shuffled(suggestions, input.random) };
  });
  return { released: true, answered: input.answered, targets };
}

/** "+2": a score as people read it. */
export const formatScore = (score: number): string => (score > 0 ? `+${score}` : score === 0 ? '0' : `−${-score}`);
