// A coaching moment: a Slack message the leader saved to bring to their next session,
// kept as a reflection of kind `moment` with the permalink, their note and its visibility.
import { insertReflection } from '../../db/reflections.js';
import type { Visibility } from '../domain/checkin/rules.js';
import type { ServiceContext } from './context.js';

export interface SavedMoment {
  teamId: string;
  leaderId: string;
  note: string;
  channel: string;
  ts: string;
  permalink: string | null;
  visibility: Visibility;
}

export async function saveMoment(ctx: ServiceContext, m: SavedMoment): Promise<string> {
  return insertReflection(ctx.db, ctx.cipher, {
    teamId: m.teamId,
    leaderId: m.leaderId,
    engagementId: null,
    kind: 'moment',
    body: { note: m.note, channel: m.channel, ts: m.ts },
    permalink: m.permalink,
    visibility: m.visibility,
  });
}
