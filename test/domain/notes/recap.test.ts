import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/domain/checkin/rules.js';
import { parseRecap, RECAP_MAX, recapAsAction, recapPieces } from '../../../src/domain/notes/recap.js';

describe('a session recap', () => {
  it('takes up to the longest text Slack sends, trimmed, and refuses nothing or more', () => {
    expect(parseRecap({ recap: `  ${'a'.repeat(RECAP_MAX)}  ` })).toEqual({ ok: true, text: 'a'.repeat(RECAP_MAX) });
    expect(parseRecap({ recap: 'a'.repeat(RECAP_MAX + 1) }).ok).toBe(false);
    expect(parseRecap({ recap: '  ' }).ok).toBe(false);
  });

  it('becomes the action whole when it fits, else its opening cut between words', () => {
    expect(recapAsAction('Ask Sam for feedback')).toBe('Ask Sam for feedback');
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const action = recapAsAction(long);
    expect(action.length).toBeLessThanOrEqual(LIMITS.will);
    expect(action.endsWith('…')).toBe(true);
    expect(long.startsWith(action.slice(0, -1))).toBe(true);
    expect(long[action.length - 1]).toBe(' ');
    // One unbroken word is cut where it must be.
    expect(recapAsAction('x'.repeat(900))).toBe(`${'x'.repeat(LIMITS.will - 1)}…`);
  });

  it('splits into pieces no longer than asked, at line breaks and between words, losing no word', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i} ${'and more '.repeat(i)}`.trim());
    lines.push('y'.repeat(1200));
    const text = lines.join('\n');
    const pieces = recapPieces(text, 500);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(500);
    expect(pieces.join(' ').split(/\s+/).join('')).toBe(text.split(/\s+/).join(''));
    expect(recapPieces('short')).toEqual(['short']);
  });
});
