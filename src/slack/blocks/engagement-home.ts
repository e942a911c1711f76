// The leader's engagement on App Home: an invitation to answer, or progress (session k
// of n, the next session on their clock), targets with baseline and later ratings, the
// commitment trend, and the sessions they can change.
import type { EngagementStatus } from '../../domain/planner/types.js';
import { commitmentSparkline } from '../../domain/checkin/sparkline.js';
import { cadenceLabel } from '../../domain/engagement/draft.js';
import { groupByLevel, LEVEL_DESCRIPTIONS, levelLabel } from '../../domain/engagement/levels.js';
import { describeProgress, sessionProgress } from '../../domain/engagement/progress.js';
import { encodeEngagementValue } from '../engagement-button-value.js';
import { endEngagementBlock, sessionRow, sessionsToShow, type SessionRowInput } from './engagement-session-rows.js';
import { actionsBlock, context, divider, plain, section, type Block } from './kit.js';
import { styleSummary } from './style-modal.js';
import type { Style } from '../../domain/engagement/style.js';
import { userTextSection } from './nudge-message.js';
import { formatSessionTime } from './nudge-session-prep.js';
import { ENGAGEMENT_ACTIONS } from '../ids.js';

export interface LeaderEngagementInput {
  engagement: { id: string; coachId: string; status: EngagementStatus; sessionCount: number; cadenceDays: number; sessionMinutes: number; style?: Style; mutedKinds?: string[] };
  sessions: SessionRowInput[];
  targets: { position: number; description: string; baseline: number; level?: number | null; midpointRating: number | null; closingRating: number | null }[];
  commitments: number[];
}

const TARGET_TEXT_MAX = 500;

function invitationBlocks(e: LeaderEngagementInput, tz: string): Block[] {
  const first = [...e.sessions].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())[0];
  const value = encodeEngagementValue(e.engagement.id);
  return [
    section(
      `*<@${e.engagement.coachId}> would like to coach you.* ${e.engagement.sessionCount} sessions of ${e.engagement.sessionMinutes} minutes, ` +
        `${cadenceLabel(e.engagement.cadenceDays).toLowerCase()}${first ? `, starting ${formatSessionTime(first.scheduledAt, tz)}` : ''}. Would you like to start?`,
    ),
    actionsBlock(`invite_${e.engagement.id}`, [
      { text: 'Accept', actionId: ENGAGEMENT_ACTIONS.accept, value, style: 'primary' },
      { text: 'Decline', actionId: ENGAGEMENT_ACTIONS.decline, value },
    ]),
  ];
}

function ratingsLine(t: LeaderEngagementInput['targets'][number]): string {
  const parts = [`started at ${t.baseline}/10`];
  if (t.midpointRating !== null) parts.push(`midpoint ${t.midpointRating}/10`);
  if (t.closingRating !== null) parts.push(`closing ${t.closingRating}/10`);
  return parts.join(' · ');
}

function activeBlocks(e: LeaderEngagementInput, tz: string, now: Date): Block[] {
  const next = sessionsToShow(e.sessions, now, 1).find((s) => s.scheduledAt > now);
  const blocks: Block[] = [
    section(
      `*Your coaching with <@${e.engagement.coachId}>* — ${describeProgress(sessionProgress(e.sessions, now))}` +
        (next ? `\nNext session: *${formatSessionTime(next.scheduledAt, tz)}*` : ''),
    ),
  ];
  if (e.targets.length === 0) {
    blocks.push(
      section('*What do you want to change?* Set up to three targets and answer a few questions about coaching.'),
      actionsBlock(`contract_${e.engagement.id}`, [
        { text: 'Set your targets', actionId: ENGAGEMENT_ACTIONS.contractingOpen, value: encodeEngagementValue(e.engagement.id), style: 'primary' },
      ]),
    );
  }
  // Grouped by level, foundation first: each level builds on the ones below it.
  const targets = e.targets.slice(0, 3).map((t) => ({ ...t, level: t.level ?? null }));
  const grouped = targets.some((t) => t.level !== null);
  for (const group of groupByLevel(targets)) {
    if (grouped) blocks.push(context(group.level !== null ? `*${levelLabel(group.level)}* — ${LEVEL_DESCRIPTIONS[group.level - 1]}` : '*No level chosen*'));
    for (const t of group.targets) blocks.push(userTextSection(`*Target ${t.position}* · ${ratingsLine(t)}`, t.description, TARGET_TEXT_MAX));
  }
  if (e.targets.length > 0) {
    blocks.push({
      type: 'section',
      block_id: `style_${e.engagement.id}`,
      text: { type: 'mrkdwn', text: styleSummary(e.engagement.style ?? 'standard', e.engagement.mutedKinds ?? []) },
      accessory: { type: 'button', text: plain('Change'), action_id: ENGAGEMENT_ACTIONS.styleOpen, value: encodeEngagementValue(e.engagement.id) },
    });
  }
  if (e.commitments.length > 0) blocks.push(context(`Commitment in this engagement: ${commitmentSparkline(e.commitments)}`));
  for (const s of sessionsToShow(e.sessions, now, 3)) blocks.push(sessionRow(s, tz, now));
  return blocks;
}

export function leaderEngagementBlocks(list: LeaderEngagementInput[], tz: string, now: Date): Block[] {
  const blocks: Block[] = [];
  for (const e of list.slice(0, 3)) {
    blocks.push(divider());
    if (e.engagement.status === 'invited') blocks.push(...invitationBlocks(e, tz));
    else blocks.push(...activeBlocks(e, tz, now), endEngagementBlock(e.engagement.id, false));
  }
  return blocks;
}
