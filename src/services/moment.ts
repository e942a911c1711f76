// A coaching moment: a Slack message the leader saved to bring to their next session,
// kept as a reflection of kind `moment` with the permalink, their note and its visibility.
// The note is asked for with a question from the bank, never the one asked last time.
import { listEngagementsOf } from '../../db/engagements.js';
import { insertReflection } from '../../db/reflections.js';
import type { Visibility } from '../domain/checkin/rules.js';
import type { ServiceContext } from './context.js';
import { askQuestions } from './questions.js';

/** The question the note is asked with: a coach's own first (of the leader's earliest active engagement), then the bank. */
export async function momentQuestion(ctx: Pick<ServiceContext, 'db' | 'cipher' | 'now'>, input: { teamId: string; leaderId: string }): Promise<string> {
  const [engagement] = await listEngagementsOf(ctx.db, input.teamId, input.leaderId, ['active'], 'leader');
  const asked = await askQuestions(ctx, { teamId: input.teamId, leaderId: input.leaderId, engagementId: engagement?.id ?? null, seed: ctx.now().toISOString() }, ['moment_note']);
  return asked.moment_note.text;
}

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
