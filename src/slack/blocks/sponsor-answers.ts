// The sponsor's answers where the leader and the coach read them: the leader's App Home
// (with the choice to pass the change seen on to the coach), the coach's brief, and the
// leader's contracting modal. The sponsor's words are quoted, escaped, never live.
import type { SeenSponsorAnswers } from '../../domain/privacy/index.js';
import { encodeEngagementRef } from '../sponsor-button-value.js';
import { SPONSOR_ACTIONS } from '../ids.js';
import { actionsBlock, context, divider, section, type Block } from './kit.js';
import { userTextSection } from './nudge-message.js';

const ANSWER_MAX = 1600;

export function leaderSponsorBlocks(entries: { engagementId: string; seen: SeenSponsorAnswers }[]): Block[] {
  if (entries.length === 0) return [];
  const blocks: Block[] = [divider(), section('*From your sponsor*')];
  for (const { engagementId, seen } of entries.slice(0, 3)) {
    if (seen.outcomes) blocks.push(userTextSection(`<@${seen.sponsorId}> hopes this coaching brings (your coach sees this too):`, seen.outcomes, ANSWER_MAX));
    if (seen.change) {
      blocks.push(userTextSection(`The change <@${seen.sponsorId}> has seen:`, seen.change, ANSWER_MAX));
      if (seen.changeShared) blocks.push(context('You shared this with your coach.'));
      else {
        blocks.push(context('Only you see this. Your coach sees it only if you share it.'));
        blocks.push(actionsBlock(`sponsor_change_${engagementId.slice(0, 8)}`, [{ text: 'Share with my coach', actionId: SPONSOR_ACTIONS.shareChange, value: encodeEngagementRef(engagementId) }]));
      }
    }
  }
  return blocks;
}

/** Lines for the coach's brief: the outcomes always, the change seen once the leader shared it. */
export function coachSponsorBlocks(seen: SeenSponsorAnswers | null, leaderId: string): Block[] {
  if (!seen || (!seen.outcomes && !seen.change)) return [];
  const blocks: Block[] = [];
  if (seen.outcomes) blocks.push(userTextSection(`*<@${leaderId}>’s sponsor <@${seen.sponsorId}> hopes for:*`, seen.outcomes, ANSWER_MAX));
  if (seen.change) blocks.push(userTextSection(`*The change the sponsor has seen* (shared by <@${leaderId}>):`, seen.change, ANSWER_MAX));
  return blocks;
}

/** In the leader's contracting modal, above the targets. */
export function contractingSponsorBlocks(sponsor: { sponsorId: string; outcomes: string } | null): Block[] {
  if (!sponsor) return [];
  return [userTextSection(`*Your sponsor <@${sponsor.sponsorId}> hopes this coaching brings:*`, sponsor.outcomes, ANSWER_MAX), context('Your coach sees this too. The targets you set are yours.')];
}
