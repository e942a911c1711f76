// The five-level leadership hierarchy as rules: each level's name and what it is about,
// targets grouped by level, and when a coach might ask whether the foundation comes
// first. Each level builds on the ones below it.

/** The five levels, level 1 first. */
export const LEVELS = [
  'Self-awareness & emotional intelligence',
  'Communication & collaboration',
  'Empathy & vulnerability',
  'Strategic thinking & vision',
  'Mastery & legacy',
] as const;

/** One line on what each level is about, in the order of LEVELS. */
export const LEVEL_DESCRIPTIONS = [
  'Knowing your own patterns, triggers and impact on others.',
  'Being clear, listening well and working across people and teams.',
  'Understanding what others feel and letting them see who you are.',
  'Seeing the bigger picture and setting a direction others can follow.',
  'Growing other leaders and shaping what lasts beyond you.',
] as const;

/** "Level 2 · Communication & collaboration" (at most 75 characters, a select option's limit). */
export const levelLabel = (level: number): string => `Level ${level} · ${LEVELS[level - 1] ?? ''}`;

/** A baseline at or below this is low: the leader places themselves in the bottom half. */
export const LOW_BASELINE = 4;

export interface LevelledTarget {
  position: number;
  level: number | null;
  baseline: number;
}

/** Targets grouped by level, level 1 first, targets without a level last; positions kept in order. */
export function groupByLevel<T extends LevelledTarget>(targets: readonly T[]): { level: number | null; targets: T[] }[] {
  const levels = [...new Set(targets.map((t) => t.level))].sort((a, b) => (a ?? 99) - (b ?? 99));
  return levels.map((level) => ({ level, targets: targets.filter((t) => t.level === level).sort((a, b) => a.position - b.position) }));
}

/**
 * The question for the coach when the work aims high while the ground below looks thin:
 * the targets with a level reach level 4 or 5, and the leader's own baseline is low
 * either on a target at level 1–3 or, when every target sits at 4 or 5, on one of those.
 * A question, never a verdict: the coach decides.
 */
export function foundationQuestion(targets: readonly LevelledTarget[]): string | null {
  const levelled = targets.filter((t): t is LevelledTarget & { level: number } => t.level !== null);
  const high = levelled.filter((t) => t.level >= 4);
  if (high.length === 0) return null;
  const lower = levelled.filter((t) => t.level <= 3);
  const lowGround = lower.length > 0 ? lower.filter((t) => t.baseline <= LOW_BASELINE) : high.filter((t) => t.baseline <= LOW_BASELINE);
  if (lowGround.length === 0) return null;
  const where = lower.length > 0
    ? `their own baseline on ${lowGround.map((t) => `target ${t.position} (level ${t.level})`).join(' and ')} is ${lowGround.map((t) => `${t.baseline}/10`).join(' and ')}`
    : `every target sits at level 4 or 5 and they rate themselves ${lowGround.map((t) => `${t.baseline}/10`).join(' and ')} on ${lowGround.map((t) => `target ${t.position}`).join(' and ')}`;
  return `The work aims at level ${Math.max(...high.map((t) => t.level))}, and ${where}. Does the foundation (self-awareness, communication, empathy) come first, or is this the right place to start?`;
}
