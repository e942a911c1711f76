// Contracting form rules: targets with baselines, coachability answers with their own visibility.
import { describe, expect, it } from 'vitest';
import { parseContracting } from '../../../src/domain/engagement/contracting.js';

const base = { target1: 'Stop avoiding difficult conversations with my team', baseline1: '3', openness: '7' };

describe('parseContracting', () => {
  it('needs at least one target with a baseline, and an openness rating', () => {
    const parsed = parseContracting({});
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(['openness', 'target1']);
    const noBaseline = parseContracting({ ...base, baseline1: undefined });
    expect(noBaseline.ok).toBe(false);
    if (!noBaseline.ok) expect(noBaseline.errors).toHaveProperty('baseline1');
  });

  it('keeps up to three targets with their level, skipping empty ones', () => {
    const parsed = parseContracting({ ...base, level1: '2', target3: 'Ask before I tell', baseline3: '5' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input.targets).toEqual([
      { position: 1, description: base.target1, baseline: 3, level: 2 },
      { position: 3, description: 'Ask before I tell', baseline: 5, level: null },
    ]);
  });

  it('gives each answer its own visibility, summary when none was chosen', () => {
    const parsed = parseContracting({ ...base, worked: 'Peer feedback', worked_visibility: 'private', worthwhile: 'Calmer meetings', resistance: 'no_time', resistance_visibility: 'shared' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input.answers).toEqual([
      { question: 'worked', text: 'Peer feedback', rating: null, visibility: 'private' },
      { question: 'worthwhile', text: 'Calmer meetings', rating: null, visibility: 'summary' },
      { question: 'openness', text: null, rating: 7, visibility: 'summary' },
      { question: 'resistance', text: 'no_time', rating: null, visibility: 'shared' },
    ]);
  });

  it('refuses an unknown resistance and an over-long target', () => {
    const parsed = parseContracting({ ...base, target1: 'x'.repeat(301), resistance: 'lazy' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(['resistance', 'target1']);
  });
});
