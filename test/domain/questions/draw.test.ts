import { describe, expect, it } from 'vitest';
import { QUESTION_BANK } from '../../../src/domain/questions/bank.js';
import { bankCandidates, drawQuestion } from '../../../src/domain/questions/draw.js';
import { QUESTION_USES } from '../../../src/domain/questions/uses.js';

describe('drawing a question', () => {
  it('never asks the same question twice in a row at any moment, over many draws', () => {
    for (const use of QUESTION_USES) {
      for (const level of [null, 1, 2, 3, 4, 5]) {
        let last: string | null = null;
        const seen = new Set<string>();
        for (let i = 0; i < 50; i++) {
          const q = drawQuestion({ use, level, lastAskedId: last, seed: `s${i % 3}` });
          expect(q.id).not.toBe(last);
          seen.add(q.id);
          last = q.id;
        }
        expect(seen.size).toBeGreaterThan(1);
      }
    }
  });

  it('draws only the level\'s own questions and those for any level', () => {
    for (let i = 0; i < 40; i++) {
      const q = drawQuestion({ use: 'goal', level: 4, lastAskedId: null, seed: String(i) });
      const entry = QUESTION_BANK.find((b) => b.id === q.id)!;
      expect([null, 4]).toContain(entry.level);
    }
    const drawn = new Set(Array.from({ length: 60 }, (_, i) => drawQuestion({ use: 'goal', level: 4, lastAskedId: null, seed: String(i) }).id));
    expect(drawn.has('goal-07')).toBe(true);
    expect(bankCandidates('goal', null).every((q) => q.level === null)).toBe(true);
  });

  it('asks the coach\'s own questions first, in the order added, and still never twice in a row', () => {
    const coachQuestions = [
      { id: 'a', use: 'reflect_learned' as const, text: 'What did this teach you about your team?' },
      { id: 'b', use: 'reflect_learned' as const, text: 'Where did you hold back?' },
      { id: 'c', use: 'goal' as const, text: 'What is the one thing?' },
    ];
    const first = drawQuestion({ use: 'reflect_learned', level: null, lastAskedId: null, coachQuestions, seed: 'x' });
    expect(first).toEqual({ id: 'coach:a', text: 'What did this teach you about your team?' });
    const second = drawQuestion({ use: 'reflect_learned', level: null, lastAskedId: first.id, coachQuestions, seed: 'x' });
    expect(second.id).toBe('coach:b');
    const single = drawQuestion({ use: 'goal', level: null, lastAskedId: 'coach:c', coachQuestions, seed: 'x' });
    expect(single.id.startsWith('goal-')).toBe(true);
  });

  it('draws the same question for the same seed', () => {
    const a = drawQuestion({ use: 'prep_want', level: 2, lastAskedId: null, seed: 'nudge-1' });
    expect(drawQuestion({ use: 'prep_want', level: 2, lastAskedId: null, seed: 'nudge-1' })).toEqual(a);
  });
});
