// A leader typing in Grow's DM: offered to keep it as a reflection on their current
// action with the visibility they choose, or pointed to `/grow help`; edits and bot
// messages are ignored, and the typed text is never repeated anywhere.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertCheckIn } from '../../db/check-ins.js';
import { openReflection } from '../../db/reflections.js';
import { reflections } from '../../db/schema/index.js';
import { coachSeesSentence } from '../../src/domain/privacy/promises.js';
import { LEADER, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate check_ins, actions, reflections, nudges cascade`);
});

const TYPED = 'The 1:1 with <@U0OTHER01> went better than I thought';
const botMessages = () => h.emu.dmWith(TEAM, LEADER).filter((m) => m.bot_id) as { ts: string; text: string; blocks?: unknown[] }[];

async function withOpenAction() {
  const saved = await insertCheckIn(h.db.db, h.cipher, {
    teamId: TEAM, leaderId: LEADER, engagementId: null, targetId: null, goal: 'Calmer 1:1s', reality: 'r', options: 'o',
    will: 'Open each 1:1 with a question', commitment: 9, visibility: 'summary', revisited: false, actionDueAt: new Date(Date.now() + 7 * 86_400_000),
  });
  return saved.actionId;
}

describe('a leader typing in Grow’s DM', () => {
  it('is offered to keep it as a reflection on the current action, and it is kept with the visibility they click', async () => {
    const actionId = await withOpenAction();
    const before = botMessages().length;
    const typed = await h.emu.userSaysInDm({ teamId: TEAM, userId: LEADER, text: TYPED });
    expect(typed.status).toBe(200);
    const offer = await waitFor(() => botMessages()[before]);
    const offerJson = JSON.stringify(offer);
    expect(offerJson).toContain('Open each 1:1 with a question');
    expect(offerJson).toContain('dm_reply_keep_summary');
    expect(offerJson).toContain('/grow help');
    // Grow never repeats what was typed, in the DM or anywhere else.
    expect(JSON.stringify(h.emu.callsTo('chat.postMessage').map((c) => c.args))).not.toContain('went better than I thought');

    await h.emu.clickButton({ teamId: TEAM, userId: LEADER, channelId: h.emu.dmWith(TEAM, LEADER)[0]!.channel as string, ts: offer.ts, actionId: 'dm_reply_keep_shared' });
    const [row] = await waitFor(async () => {
      const rows = await h.db.db.select().from(reflections);
      return rows.length > 0 ? rows : undefined;
    });
    expect(row).toMatchObject({ leaderId: LEADER, actionId, kind: 'follow_up', visibility: 'shared' });
    expect(JSON.parse(openReflection(h.cipher, row!).body)).toEqual({ happened: TYPED });
    const updated = await waitFor(() => botMessages().find((m) => m.ts === offer.ts && JSON.stringify(m.blocks).includes('Kept as a reflection')));
    expect(JSON.stringify(updated.blocks)).toContain(coachSeesSentence('reflection', 'shared'));
    expect(JSON.stringify(updated.blocks)).not.toContain('dm_reply_keep');
  });

  it('keeps nothing when the action is no longer the current one', async () => {
    await withOpenAction();
    const before = botMessages().length;
    await h.emu.userSaysInDm({ teamId: TEAM, userId: LEADER, text: TYPED });
    const offer = await waitFor(() => botMessages()[before]);
    await withOpenAction(); // a new check-in replaces the action
    await h.emu.clickButton({ teamId: TEAM, userId: LEADER, channelId: h.emu.dmWith(TEAM, LEADER)[0]!.channel as string, ts: offer.ts, actionId: 'dm_reply_keep_summary' });
    await waitFor(() => botMessages().find((m) => m.ts === offer.ts && JSON.stringify(m.blocks).includes('nothing was kept')));
    expect(await h.db.db.select().from(reflections)).toEqual([]);
  });

  it('is pointed to /grow help when there is no action to keep it with', async () => {
    const before = botMessages().length;
    await h.emu.userSaysInDm({ teamId: TEAM, userId: LEADER, text: 'hello?' });
    const reply = await waitFor(() => botMessages()[before]);
    expect(JSON.stringify(reply.blocks)).toContain('/grow help');
    expect(JSON.stringify(reply.blocks)).not.toContain('dm_reply_keep');
  });

  it('answers words that suggest more than coaching can help with the support message, privately, and only once', async () => {
    const before = botMessages().length;
    await h.emu.userSaysInDm({ teamId: TEAM, userId: LEADER, text: 'Honestly I feel burnt out this week' });
    const [, signpost] = await waitFor(() => (botMessages().length >= before + 2 ? botMessages().slice(before) : undefined));
    expect(JSON.stringify(signpost!.blocks)).toContain('not a replacement for professional help');
    expect(JSON.stringify(signpost!.blocks)).not.toContain('burnt out');
    await h.emu.userSaysInDm({ teamId: TEAM, userId: LEADER, text: 'hello again?' });
    await waitFor(() => botMessages()[before + 2]);
    await new Promise((r) => setTimeout(r, 200));
    expect(botMessages().slice(before + 2)).toHaveLength(1);
  });

  it('ignores edits and bot messages', async () => {
    await withOpenAction();
    const before = botMessages().length;
    const channel = h.emu.dmWith(TEAM, LEADER)[0]?.channel ?? 'D0NONE';
    for (const event of [
      { type: 'message', channel_type: 'im', subtype: 'message_changed', channel, message: { user: LEADER, text: 'edited' }, ts: '1700000000.000100' },
      { type: 'message', channel_type: 'im', bot_id: 'B0OTHER001', user: 'U0OTHERBOT', channel, text: 'beep', ts: '1700000000.000200' },
    ]) {
      expect((await h.emu.event({ teamId: TEAM, event })).status).toBe(200);
    }
    await h.emu.userSaysInDm({ teamId: TEAM, userId: LEADER, text: 'a real one' });
    await waitFor(() => botMessages()[before]);
    await new Promise((r) => setTimeout(r, 200));
    expect(botMessages()).toHaveLength(before + 1);
  });
});
