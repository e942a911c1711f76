// The engagement sections of App Home: the leader's own engagement and the coach's
// roster, each loaded by a service and drawn by a pure builder.
import { loadCoachRoster, loadLeaderEngagements } from '../../services/engagement-home.js';
import { coachHomeBlocks } from '../blocks/coach-home.js';
import { leaderEngagementBlocks } from '../blocks/engagement-home.js';
import type { HomeSection } from './app-home.js';

export const leaderEngagementSection: HomeSection = async (deps, teamId, userId, tz) => {
  const list = await loadLeaderEngagements(deps, teamId, userId);
  return leaderEngagementBlocks(list, tz, deps.now());
};

/** Everyone sees "New engagement": any person in the workspace may coach. */
export const coachHomeSection: HomeSection = async (deps, teamId, userId, tz) => {
  const now = deps.now();
  return coachHomeBlocks(await loadCoachRoster(deps, teamId, userId, now), tz, now);
};
