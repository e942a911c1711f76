// The coach's personal note in the invitation: written in the New engagement modal, kept
// encrypted, and shown to the leader, escaped, in the invitation they answer.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { engagements, nudges } from '../../db/schema/index.js';
import { rowSeal } from '../../db/sealed.js';
import { createViaModal, deliverNudge, LEADER, NEW_ENGAGEMENT, pendingNudges, startEngagementHarness, type EngagementHarness } from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, nudges, people cascade`);
});

const NOTE = 'You asked me about delegating last spring <!channel>. I think we could do real work on that together.';

async function invitationBlocks() {
  const [engagement] = await h.db.db.select().from(engagements);
  const [invitation] = await pendingNudges(h, engagement!.id);
  expect(await deliverNudge(h, invitation!.id)).toBe('sent');
  const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, invitation!.id));
  const call = h.emu.callsTo('chat.postMessage').find((c) => c.ok && (c.response as { ts?: string }).ts === sent!.messageTs)!;
  expect(sent!.recipientId).toBe(LEADER);
  return { engagement: engagement!, call };
}

describe('the personal note in the invitation', () => {
  it('is kept encrypted and shown to the leader, escaped, in the coach\'s words', async () => {
    const { body } = await createViaModal(h, { ...NEW_ENGAGEMENT, note: NOTE });
    expect(body).toBeUndefined();
    const { engagement, call } = await invitationBlocks();
    expect(engagement.invitationNoteEnc).not.toContain('delegating');
    expect(rowSeal(h.cipher, 'engagements', engagement).open('invitation_note_enc', engagement.invitationNoteEnc!)).toBe(NOTE);
    const blocks = JSON.stringify(call.args.blocks);
    expect(blocks).toContain('would like to work with you');
    expect(blocks).toContain('delegating last spring');
    expect(blocks).not.toContain('<!channel>');
    expect(String(call.args.text)).not.toContain('delegating');
  });

  it('is optional: without one the invitation says nothing about a note', async () => {
    await createViaModal(h, NEW_ENGAGEMENT);
    const { engagement, call } = await invitationBlocks();
    expect(engagement.invitationNoteEnc).toBeNull();
    expect(JSON.stringify(call.args.blocks)).not.toContain('would like to work with you');
  });

  it('asks again inline when the note is too long, keeping the modal open', async () => {
    const { body } = await createViaModal(h, { ...NEW_ENGAGEMENT, note: 'x'.repeat(1001) });
    expect(body).toMatchObject({ response_action: 'errors', errors: { note: expect.stringContaining('1000') } });
    expect(await h.db.db.select().from(engagements)).toHaveLength(0);
  });
});
