// What a coach may see of a closed pulse round: nothing unless the leader shared it;
// the score distributions when shared as a summary; the suggestions too when shared in
// full. Never anything of a round that was not released (still open, or under three
// answers), and never for anyone but the engagement's coach.
import type { RoundRelease } from '../pulse/results.js';
import type { PulseStage } from '../pulse/rules.js';
import type { EngagementParties, Visibility } from './types.js';

export interface CoachPulseTarget {
  targetId: string;
  distribution: { score: number; count: number }[];
  /** Present only when the leader shared the round in full. */
  suggestions?: string[];
}

export interface CoachPulseView {
  answered: number;
  withSuggestions: boolean;
  targets: CoachPulseTarget[];
}

export function coachPulseView(viewerId: string, engagement: EngagementParties, visibility: Visibility, release: RoundRelease): CoachPulseView | null {
  if (viewerId !== engagement.coachId || visibility === 'private' || !release.released) return null;
  const withSuggestions = visibility === 'shared';
  return {
    answered: release.answered,
    withSuggestions,
    targets: release.targets.map((t) => ({
      targetId: t.targetId,
      distribution: t.distribution.map((d) => ({ score: d.score, count: d.count })),
      ...(withSuggestions ? { suggestions: [...t.suggestions] } : {}),
    })),
  };
}

export interface PulseRoundSharing {
  stage: PulseStage;
  visibility: Visibility;
  sharedAt: Date | null;
}

/**
 * The stages whose results the leader shared with this coach, for the roster's and the
 * digest's "shared with you": only that they were shared, never what they say.
 */
export function sharedPulseStagesOf(viewerId: string, engagement: EngagementParties, rounds: PulseRoundSharing[]): PulseStage[] {
  if (viewerId !== engagement.coachId || viewerId === engagement.leaderId) return [];
  if (engagement.status !== 'active' && engagement.status !== 'ended' && engagement.status !== 'completed') return [];
  return rounds.filter((r) => r.visibility !== 'private' && r.sharedAt !== null).map((r) => r.stage);
}
