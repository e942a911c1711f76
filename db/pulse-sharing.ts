// Which stakeholder pulse rounds each engagement's leader shared with their coach, for
// many engagements in one query. Only the stage and how it was shared: what a coach
// may make of that is `sharedPulseStagesOf`'s to say (src/domain/privacy).
import { and, eq, inArray } from 'drizzle-orm';
import type { PulseRoundSharing } from '../src/domain/privacy/index.js';
import type { Db } from './client.js';
import { pulseRounds } from './schema/index.js';

export async function listPulseSharing(db: Db, teamId: string, engagementIds: string[]): Promise<Map<string, PulseRoundSharing[]>> {
  const byEngagement = new Map<string, PulseRoundSharing[]>();
  if (engagementIds.length === 0) return byEngagement;
  const rows = await db
    .select({ engagementId: pulseRounds.engagementId, stage: pulseRounds.stage, visibility: pulseRounds.visibility, sharedAt: pulseRounds.sharedAt })
    .from(pulseRounds)
    .where(and(eq(pulseRounds.teamId, teamId), inArray(pulseRounds.engagementId, engagementIds)));
  for (const { engagementId, ...round } of rows) byEngagement.set(engagementId, [...(byEngagement.get(engagementId) ?? []), round]);
  return byEngagement;
}
