// The question bank as a specification: enough open questions for every moment and level,
// each one a question, none of them advice.
import { describe, expect, it } from 'vitest';
import { parseBank, QUESTION_BANK } from '../../../src/domain/questions/bank.js';
import { QUESTION_USES } from '../../../src/domain/questions/uses.js';

const OPENERS = ['what', 'how', 'which', 'who', 'whose', 'where', 'when', 'if'];
// Phrases that tell rather than ask, and verbs that open a sentence as an instruction.
const ADVICE = [/\byou should\b/i, /\btry to\b/i, /\bmake sure\b/i, /\byou need to\b/i, /\byou must\b/i, /\bremember to\b/i, /\bdon'?t\b/i, /\bjust\b/i, /\bought\b/i, /\bhave to\b/i];
const IMPERATIVES = ['try', 'consider', 'think', 'make', 'ask', 'remember', 'focus', 'stop', 'start', 'be', 'take', 'write', 'tell', 'let', 'do', 'avoid', 'keep', 'use', 'imagine', 'list', 'pick', 'choose', 'give', 'go', 'set', 'find', 'plan', 'name', 'describe', 'reflect', 'note'];

/** Every sentence's first word, and the first word after a leading clause ("Looking back, what…"). */
function openers(text: string): string[] {
  return text.split(/(?<=[?.!])\s+/).map((sentence) => {
    const first = sentence.split(/\W+/)[0]!.toLowerCase();
    if (OPENERS.includes(first)) return first;
    const afterClause = /^[A-Z][a-z]+ [a-z ]+, (\w+)/.exec(sentence)?.[1];
    return (afterClause ?? first).toLowerCase();
  });
}

describe('the question bank', () => {
  it('holds at least 100 questions, with unique ids and unique wording', () => {
    expect(QUESTION_BANK.length).toBeGreaterThanOrEqual(100);
    expect(new Set(QUESTION_BANK.map((q) => q.id)).size).toBe(QUESTION_BANK.length);
    expect(new Set(QUESTION_BANK.map((q) => q.text.toLowerCase())).size).toBe(QUESTION_BANK.length);
  });

  it('asks every sentence as a question', () => {
    const notQuestions = QUESTION_BANK.filter((q) => !q.text.split(/(?<=[?.!])\s+/).every((s) => s.endsWith('?')));
    expect(notQuestions).toEqual([]);
  });

  it('opens every question with an open question word, never yes/no', () => {
    const closed = QUESTION_BANK.filter((q) => !openers(q.text).every((w) => OPENERS.includes(w) || w === 'and'));
    expect(closed).toEqual([]);
  });

  it('gives no advice: no "you should", no "try to", no instruction', () => {
    const advice = QUESTION_BANK.filter((q) => ADVICE.some((re) => re.test(q.text)) || openers(q.text).some((w) => IMPERATIVES.includes(w)));
    expect(advice).toEqual([]);
  });

  it('the lint catches advice and closed questions when they appear', () => {
    const lint = (text: string) => ADVICE.some((re) => re.test(text)) || openers(text).some((w) => IMPERATIVES.includes(w) || !OPENERS.includes(w));
    expect(lint('You should talk to them?')).toBe(true);
    expect(lint('Try to listen more?')).toBe(true);
    expect(lint('Did it work?')).toBe(true);
    expect(lint('Looking back, try again?')).toBe(true);
    expect(lint('What made it work?')).toBe(false);
    expect(lint('Looking at these numbers, what are you most proud of?')).toBe(false);
  });

  it('has at least two questions for any level at every moment, so a question never repeats', () => {
    for (const use of QUESTION_USES) expect(QUESTION_BANK.filter((q) => q.use === use && q.level === null).length, use).toBeGreaterThanOrEqual(2);
  });

  it('has questions of every level for each GROW stage', () => {
    for (const use of ['goal', 'reality', 'options', 'will'] as const) {
      for (const level of [1, 2, 3, 4, 5]) expect(QUESTION_BANK.some((q) => q.use === use && q.level === level), `${use} ${level}`).toBe(true);
    }
  });

  it('keeps every id a leader may have been asked last, so stored ids still resolve', () => {
    const ids = new Set(QUESTION_BANK.map((q) => q.id));
    const counts = { goal: 8, reality: 8, options: 8, will: 8, done: 8, partly: 3, notyet: 3, happened: 3, learned: 7, next: 3, 'prep-want': 7, review: 4 };
    const stored = [
      ...Object.entries(counts).flatMap(([prefix, n]) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`)),
      'prep-example-01', 'prep-commit-02', 'prep-example-03',
    ];
    expect(stored).toHaveLength(73);
    expect(stored.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('reads the data file grouped by moment and level, any level first', () => {
    const goal = QUESTION_BANK.filter((q) => q.use === 'goal');
    expect(goal.map((q) => q.level)).toEqual([null, null, null, 1, 2, 3, 4, 5]);
    expect(QUESTION_BANK.find((q) => q.id === 'learned-04')).toEqual({ id: 'learned-04', use: 'reflect_learned', level: 2, text: 'What did you learn about how your words land?' });
  });

  it('refuses a bank of the wrong shape: an unknown moment or level, a repeated id, a statement', () => {
    expect(parseBank({ goal: { any: { 'goal-01': 'What do you want?' } } })).toHaveLength(1);
    expect(() => parseBank({ gaol: { any: { 'goal-01': 'What do you want?' } } })).toThrow();
    expect(() => parseBank({ goal: { 'level 6': { 'goal-01': 'What do you want?' } } })).toThrow();
    expect(() => parseBank({ goal: { any: { 'goal-01': 'Write down your goal.' } } })).toThrow();
    expect(() => parseBank({ goal: { any: { 'goal-01': 'What?' } }, will: { any: { 'goal-01': 'When?' } } })).toThrow(/used twice/);
  });
});
