// The engagement sections of App Home: the leader's own engagement and the coach's
// roster, each loaded by a service and drawn by a pure builder.
import { listLiveEngagements } from '../../services/engagement.js';
import { loadCoachRoster } from '../../services/coach-roster.js';
import { loadLeaderEngagements } from '../../services/engagement-home.js';
import { coachHomeBlocks } from '../blocks/coach-home.js';
import { leaderEngagementBlocks } from '../blocks/engagement-home.js';
import type { HomeSection } from './app-home.js';

export const leaderEngagementSection: HomeSection = async (deps, teamId, userId, tz) => {
  const list = await loadLeaderEngagements(deps, teamId, userId);
  return leaderEngagementBlocks(list, tz, deps.now());
};

/**
 * Anyone may coach, so "New engagement" is offered to everyone — except a leader in
 * coaching who coaches no one: their Home is about their own work (`/grow coach` stays).
 */
export const coachHomeSection: HomeSection = async (deps, teamId, userId, tz, request) => {
  const now = deps.now();
  const roster = await loadCoachRoster(deps, teamId, userId, now);
  if (roster.length === 0 && (await listLiveEngagements(deps, teamId, userId, 'leader')).length > 0) return [];
  return coachHomeBlocks(roster, tz, now, request.rosterPage ?? 0);
};
