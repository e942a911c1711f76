// What a shared reflection says, as question-and-answer pairs a coach can read: the
// stored body is keyed by question id, so the question text comes from the same banks
// the leader was asked from.
import { COACHABILITY_QUESTIONS, RESISTANCES } from '../engagement/contracting.js';
import { EARLIER_PREP_QUESTIONS, PREP_QUESTIONS, REFLECT_QUESTIONS } from '../engagement/reflection.js';
import { QUESTION_BANK } from '../questions/bank.js';
import { defaultQuestion } from '../questions/draw.js';
import type { CoachMoment, CoachReflection } from '../privacy/index.js';

export interface SharedAnswer {
  /** The question as the leader saw it; null for an id no bank knows. */
  question: string | null;
  text: string;
}

const QUESTIONS: Record<string, string> = {
  ...REFLECT_QUESTIONS,
  ...PREP_QUESTIONS,
  ...EARLIER_PREP_QUESTIONS,
  different: defaultQuestion('prep_different'),
  ...COACHABILITY_QUESTIONS,
  // Answers to a question drawn from the bank (the closing review's looking back) are keyed by its id.
  ...Object.fromEntries(QUESTION_BANK.map((q) => [q.id, q.text])),
};

/** Resistance answers given before the four forms were worded as they are now. */
const EARLIER_RESISTANCES: Record<string, string> = { for_problems: 'It’s for people with problems', do_it_myself: 'I can do this myself' };

const KIND_LABELS: Record<string, string> = {
  follow_up: 'Reflection on an action',
  session_prep: 'Session prep',
  review: 'Review',
  moment: 'Coaching moment',
};

export function reflectionKindLabel(kind: string): string {
  if (kind.startsWith('coachability_')) return 'Contracting';
  return KIND_LABELS[kind] ?? 'Reflection';
}

/** A resistance answer in the words the leader picked, old wording too. */
export const resistanceText = (key: string) =>
  Object.hasOwn(RESISTANCES, key) ? RESISTANCES[key as keyof typeof RESISTANCES] : Object.hasOwn(EARLIER_RESISTANCES, key) ? EARLIER_RESISTANCES[key]! : key;

/** The answers of a shared reflection, in the order they were asked; none when not shared. */
export function sharedAnswersOf(reflection: Pick<CoachReflection, 'body'>): SharedAnswer[] {
  if (!reflection.body) return [];
  return Object.entries(reflection.body)
    .filter(([, text]) => text.trim().length > 0)
    .map(([id, text]) => ({
      question: Object.hasOwn(QUESTIONS, id) ? QUESTIONS[id]! : null,
      text: id === 'resistance' ? resistanceText(text) : text,
    }));
}

/** Something the leader shared in full: a reflection's answers, or a moment's note and link. */
export interface SharedItem {
  kind: string;
  createdAt: Date;
  answers: SharedAnswer[];
  permalink: string | null;
}

/**
 * The shared reflections and moments among these, oldest first, and how many more were
 * kept to a summary (their existence is all the coach has of them).
 */
export function sharedItemsOf(reflections: CoachReflection[], moments: CoachMoment[]): { shared: SharedItem[]; summarisedCount: number } {
  const shared: SharedItem[] = [
    ...reflections.filter((r) => r.visibility === 'shared').map((r) => ({ kind: r.kind, createdAt: r.createdAt, answers: sharedAnswersOf(r), permalink: null })),
    ...moments
      .filter((m) => m.visibility === 'shared')
      .map((m) => ({ kind: 'moment', createdAt: m.createdAt, answers: m.note ? [{ question: null, text: m.note }] : [], permalink: m.permalink })),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const summarisedCount = [...reflections, ...moments].filter((r) => r.visibility === 'summary').length;
  return { shared, summarisedCount };
}
