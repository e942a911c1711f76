// How Grow works with a leader, set by the resistance they named at contracting. Each form
// of resistance asks for a different response: a light rhythm for "no time", experiments
// for "not sure it works", the leader's own goal and other people's data for "I don't
// need it", and the leader's own choice of messages for "it didn't help before".
import type { RhythmKind } from '../nudge-kinds.js';
import type { Resistance } from './contracting.js';

export const STYLES = ['standard', 'light', 'experiment', 'goal_first', 'chooser'] as const;
export type Style = (typeof STYLES)[number];

const STYLE_FOR: Record<Resistance, Style> = {
  no_time: 'light',
  not_sure: 'experiment',
  dont_need: 'goal_first',
  did_not_work: 'chooser',
};

/** Answers from before the four forms were named this way read as the nearest form. */
const EARLIER_ANSWERS: Record<string, Style> = { for_problems: 'goal_first', do_it_myself: 'goal_first' };

/** The style a contracting answer (a resistance key, or none) sets. */
export function styleForResistance(answer: string | null | undefined): Style {
  if (!answer) return 'standard';
  return (STYLE_FOR as Record<string, Style>)[answer] ?? EARLIER_ANSWERS[answer] ?? 'standard';
}

export function isStyle(value: unknown): value is Style {
  return typeof value === 'string' && (STYLES as readonly string[]).includes(value);
}

/** What the leader reads when choosing, on App Home and after contracting. */
export const STYLE_TEXT: Record<Style, { name: string; line: string }> = {
  standard: { name: 'The full rhythm', line: 'Follow-ups, session prep, a check-in prompt after each session and the reviews.' },
  light: { name: 'Light — I have little time', line: 'A three-field check-in, and only the follow-up and session prep. Each says how long it takes.' },
  experiment: { name: 'Experiments — I’m not sure coaching works', line: 'Each action is an experiment: say what you expect, then see what happened. The closing review sets the two side by side.' },
  goal_first: { name: 'My goal first — I don’t need coaching', line: 'Every prompt starts from what you want for yourself, and your stakeholders’ view is data from others, not your coach’s opinion.' },
  chooser: { name: 'My choice — it didn’t help me before', line: 'You choose which messages you get, and your first session prep asks what would make this time different.' },
};

/** The light rhythm sends these and nothing else. */
export const LIGHT_KINDS: readonly RhythmKind[] = ['follow_up', 'session_prep'];

/** Kinds a leader can turn off, in the order they are shown, with what each is. */
export const CHOOSABLE_KINDS: readonly { kind: RhythmKind; text: string }[] = [
  { kind: 'follow_up', text: 'A follow-up on the action you committed to' },
  { kind: 'session_prep', text: 'Session prep, the day before each session' },
  { kind: 'checkin_prompt', text: 'A check-in prompt after each session' },
  { kind: 'midpoint_review', text: 'The midpoint review of your targets' },
  { kind: 'closing_review', text: 'The closing review of your targets' },
];

/** Whether the plan includes a kind, for this style and the kinds the leader turned off. */
export function plansKind(style: Style, mutedKinds: readonly string[], kind: RhythmKind): boolean {
  if (mutedKinds.includes(kind)) return false;
  return style !== 'light' || LIGHT_KINDS.includes(kind);
}

/** How long each message of the light rhythm takes, said in the message itself. */
export const LIGHT_DURATION: Partial<Record<RhythmKind | 'checkin', string>> = {
  checkin: 'About a minute.',
  follow_up: 'Takes 30 seconds.',
  session_prep: 'Takes 2 minutes.',
};

/** Where the stakeholders' baseline stands, for the goal-first style's pointer to it. */
export type BaselineState = 'none' | 'open' | 'released';

export const BASELINE_AS_DATA: Record<BaselineState, string> = {
  released: 'How do others see it? Your stakeholders’ baseline is on App Home → *Stakeholders*: data from the people around you, not your coach’s opinion.',
  open: 'Your stakeholders’ baseline round is still open. Once it closes, its results (App Home → *Stakeholders*) are data from the people around you, not your coach’s opinion.',
  none: 'Want data from the people around you rather than your coach’s opinion? Name 3–8 colleagues on App Home → *Stakeholders* for a baseline.',
};

/**
 * For the coach's brief: the style named, and how the first session might open, as
 * questions. They are suggestions to the coach, who asks in their own words in the
 * session; Grow never puts them to the leader, so they are not in the question bank.
 * (The questions the styles put to the leader — the experiment's expectation and outcome,
 * goal first's goal and prep, what would make this time different — are drawn from it.)
 */
export const OPENING_QUESTIONS: Record<Exclude<Style, 'standard'>, readonly string[]> = {
  light: [
    'What would make twenty minutes of this worth more than twenty minutes of your day?',
    'Which one thing, if it changed, would save you time?',
  ],
  experiment: [
    'What would you need to see to believe this is working?',
    'What could we test in the next two weeks, and what do you expect to happen?',
  ],
  goal_first: [
    'What do you want for yourself, whatever anyone else expects?',
    'What would the people around you say, if we asked them?',
  ],
  chooser: [
    'What happened last time that you don’t want to repeat?',
    'What would make this time different, and how will we know?',
  ],
};
