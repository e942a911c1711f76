// Contracting, as rules: up to three behavioural targets with a baseline, the
// coachability conversation, and the terms of confidentiality in plain words. The
// answers keep the visibility the leader gave each one.
import { SPONSOR_NEVER_SEES } from '../privacy/sponsor-view.js';
import { z } from 'zod';
import type { Visibility } from '../checkin/rules.js';
import type { RhythmKind } from '../nudge-kinds.js';
import { CHOOSABLE_KINDS, styleForResistance, type Style } from './style.js';
import { defaultQuestion } from '../questions/draw.js';
import type { QuestionUse } from '../questions/uses.js';

export const MAX_TARGETS = 3;
export const TARGET_TEXT_MAX = 300;
export const ANSWER_TEXT_MAX = 1500;

export { LEVELS } from './levels.js';
import { LEVELS } from './levels.js';

/** The four forms of resistance; the answer sets the engagement's style (./style.ts). */
export const RESISTANCES = {
  no_time: 'I have no time',
  not_sure: 'I’m not sure coaching works',
  dont_need: 'I don’t need it',
  did_not_work: 'It didn’t help me before',
} as const;
export type Resistance = keyof typeof RESISTANCES;

/** The open coachability questions and the moment each is drawn at from the question bank. */
export const COACHABILITY_USES = {
  worked: 'contracting_worked',
  not_worked: 'contracting_not_worked',
  worthwhile: 'contracting_worthwhile',
} as const satisfies Record<string, QuestionUse>;
export type OpenCoachabilityQuestion = keyof typeof COACHABILITY_USES;

/**
 * Each answer's key and its heading where the answer is shown again (the brief, the
 * digest): for the open questions the bank's first for the moment (the leader is asked a
 * drawn one). The openness rating and the resistance choice keep one wording for every
 * leader, so a rating or a choice means the same from one leader to the next.
 */
export const COACHABILITY_QUESTIONS = {
  worked: defaultQuestion(COACHABILITY_USES.worked),
  not_worked: defaultQuestion(COACHABILITY_USES.not_worked),
  worthwhile: defaultQuestion(COACHABILITY_USES.worthwhile),
  openness: 'How open are you to being coached right now, 1 to 10?',
  resistance: 'Does one of these sound like you at the moment?',
};
export type CoachabilityQuestion = keyof typeof COACHABILITY_QUESTIONS;

// The sponsor's line comes from the sponsor view's own words (src/domain/privacy).
export const CONFIDENTIALITY_TERMS = [
  'The agenda is yours: you decide what we work on.',
  'Your coach sees only what you choose to share, answer by answer.',
  `A sponsor (HR, your manager) sees only how the engagement is going, ${SPONSOR_NEVER_SEES}.`,
  'You can pause or end this at any time.',
] as const;

export interface TargetInput {
  position: number;
  description: string;
  baseline: number;
  level: number | null;
}

export interface CoachabilityAnswer {
  question: CoachabilityQuestion;
  /** Free text, or the resistance key; absent for the openness rating. */
  text: string | null;
  rating: number | null;
  visibility: Visibility;
}

export interface ContractingInput {
  targets: TargetInput[];
  answers: CoachabilityAnswer[];
  /** Set by the resistance answer (none: the full rhythm). */
  style: Style;
  /** The rhythm kinds the leader unticked. */
  mutedKinds: RhythmKind[];
}

/** Raw form values: target{1..3}, baseline{1..3}, level{1..3}, and per question its answer and visibility. */
export type ContractingValues = Record<string, string | undefined>;
export type ContractingErrors = Record<string, string>;

const rating = z.coerce.number().int().min(1).max(10);
const visibility = z.enum(['private', 'summary', 'shared']).catch('summary');

/**
 * `keptKinds`: the messages the leader left ticked; undefined (a form without the choice)
 * keeps them all.
 */
export function parseContracting(values: ContractingValues, keptKinds?: readonly string[]): { ok: true; input: ContractingInput } | { ok: false; errors: ContractingErrors } {
  const errors: ContractingErrors = {};
  const targets: TargetInput[] = [];
  for (let position = 1; position <= MAX_TARGETS; position++) {
    const description = values[`target${position}`]?.trim();
    const baseline = values[`baseline${position}`];
    const level = values[`level${position}`];
    if (!description) {
      if (position === 1) errors.target1 = 'What is one behaviour you want to change, so that others could see it?';
      continue;
    }
    if (description.length > TARGET_TEXT_MAX) errors[`target${position}`] = `Please keep a target under ${TARGET_TEXT_MAX} characters.`;
    const base = rating.safeParse(baseline);
    if (!base.success) errors[`baseline${position}`] = 'Where are you today on this, 1 to 10?';
    const lvl = level === undefined ? null : z.coerce.number().int().min(1).max(LEVELS.length).safeParse(level);
    targets.push({ position, description, baseline: base.success ? base.data : 0, level: lvl?.success ? lvl.data : null });
  }
  const answers: CoachabilityAnswer[] = [];
  for (const question of ['worked', 'not_worked', 'worthwhile'] as const) {
    const text = values[question]?.trim();
    if (!text) continue;
    if (text.length > ANSWER_TEXT_MAX) errors[question] = `Please keep this under ${ANSWER_TEXT_MAX} characters.`;
    answers.push({ question, text, rating: null, visibility: visibility.parse(values[`${question}_visibility`]) });
  }
  const openness = rating.safeParse(values.openness);
  if (!openness.success) errors.openness = 'How open are you to coaching right now, 1 to 10?';
  else answers.push({ question: 'openness', text: null, rating: openness.data, visibility: visibility.parse(values.openness_visibility) });
  const resistance = values.resistance;
  if (resistance !== undefined) {
    if (!(resistance in RESISTANCES)) errors.resistance = 'Please pick one of these, or none.';
    else answers.push({ question: 'resistance', text: resistance, rating: null, visibility: visibility.parse(values.resistance_visibility) });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const mutedKinds = keptKinds === undefined ? [] : CHOOSABLE_KINDS.map((c) => c.kind).filter((k) => !keptKinds.includes(k));
  return { ok: true, input: { targets, answers, style: styleForResistance(resistance), mutedKinds } };
}

/** The `reflections.kind` an answer is stored under. */
export const reflectionKindFor = (question: CoachabilityQuestion): string => `coachability_${question}`;
