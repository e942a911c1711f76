// A sponsor's answer, as rules: some words, trimmed, and no longer than the modal takes.
import { describe, expect, it } from 'vitest';
import { parseSponsorAnswer, SPONSOR_ANSWER_MAX } from '../../../src/domain/notes/sponsor-answer.js';

describe("a sponsor's answer", () => {
  it('is kept trimmed', () => {
    expect(parseSponsorAnswer('  More delegation, fewer late nights.\n')).toEqual({ ok: true, text: 'More delegation, fewer late nights.' });
  });

  it('is asked for again when blank', () => {
    for (const blank of [undefined, '', '   \n ']) expect(parseSponsorAnswer(blank)).toEqual({ ok: false, error: 'A few words, please — or close this and answer later.' });
  });

  it('takes up to the limit and no more', () => {
    expect(parseSponsorAnswer('x'.repeat(SPONSOR_ANSWER_MAX)).ok).toBe(true);
    expect(parseSponsorAnswer('x'.repeat(SPONSOR_ANSWER_MAX + 1))).toEqual({ ok: false, error: `Up to ${SPONSOR_ANSWER_MAX} characters, please.` });
  });
});
