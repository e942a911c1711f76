// "Edit" on the check-in confirmation, through the real Bolt app against the emulator:
// the modal reopens prefilled, saving rewrites the same check-in, and after 24 hours the
// click says it can no longer be edited.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCheckIn } from '../../db/check-ins.js';
import { checkIns } from '../../db/schema/index.js';
import { EDIT_EXPIRED_TEXT } from '../../src/services/check-in-edit.js';
import { CHECKIN_ACTIONS } from '../../src/slack/ids.js';
import { FORM, interactionBody, LEADER, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { checkInSubmission } from '../support/checkin-payloads.js';
import { click, openedView, submit } from './engagement-payloads.js';
import { actionIdsIn, openHomeView } from './engagement-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ handOffNudges: async () => {} });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate check_ins, actions, nudges, people cascade`);
});

const answers = { goal: 'Run calmer 1:1s', reality: 'I talk most of the time', options: 'Ask first; listen', will: 'Open each 1:1 with a question' };

/** Saves a check-in through the modal; returns the confirmation DM and the check-in row. */
async function saveCheckIn() {
  const opened = h.emu.callsTo('views.open').length;
  const dms = h.emu.callsTo('chat.postMessage').length;
  await h.post(slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM);
  const view = await openedView(h, opened);
  const res = await h.post(interactionBody(checkInSubmission(view as Parameters<typeof checkInSubmission>[0], { ...answers, commitment: 9 })), FORM);
  expect(res.status).toBe(200);
  const dm = await waitFor(() => h.emu.callsTo('chat.postMessage').slice(dms).find((c) => c.args.channel === LEADER));
  const [row] = await h.db.db.select().from(checkIns);
  return { dm, row: row! };
}

const editButtonValue = (blocks: unknown) => /"action_id":"checkin_edit"[^}]*"value":"([^"]+)"|"value":"([^"]+)"[^}]*"action_id":"checkin_edit"/.exec(JSON.stringify(blocks));

describe('editing a check-in from its confirmation', () => {
  it('reopens the modal prefilled and saves the change on the same check-in', async () => {
    const { dm, row } = await saveCheckIn();
    const match = editButtonValue(dm.args.blocks);
    expect(match).not.toBeNull();
    expect(match![1] ?? match![2]).toBe(row.id);
    const where = { channel: dm.response!.channel as string, ts: dm.response!.ts as string };
    const opened = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: CHECKIN_ACTIONS.edit, value: row.id, message: where });
    const view = await openedView(h, opened);
    expect(JSON.stringify(view.blocks)).toContain(answers.will);
    const dms = h.emu.callsTo('chat.postMessage').length;
    const { body } = await submit(h, LEADER, view, { ...answers, will: 'Ask one question before I speak', commitment: '8', visibility: 'private' });
    expect(body).toBeUndefined();
    const rows = await h.db.db.select().from(checkIns);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: row.id, commitment: 8, visibility: 'private' });
    expect(openCheckIn(h.cipher, rows[0]!).will).toBe('Ask one question before I speak');
    const updated = await waitFor(() => h.emu.callsTo('chat.postMessage').slice(dms).find((c) => c.args.channel === LEADER));
    expect(JSON.stringify(updated.args.blocks)).toContain('Check-in updated');
    // Home offers the same Edit while the 24 hours last.
    expect(actionIdsIn((await openHomeView(h, LEADER)).blocks)).toContain(CHECKIN_ACTIONS.edit);
  });

  it('after 24 hours the click says it can no longer be edited, and nothing opens', async () => {
    const { dm, row } = await saveCheckIn();
    await h.db.db.update(checkIns).set({ createdAt: new Date(Date.now() - 25 * 3_600_000) }).where(eq(checkIns.id, row.id));
    const where = { channel: dm.response!.channel as string, ts: dm.response!.ts as string };
    const opened = h.emu.callsTo('views.open').length;
    const told = h.emu.callsTo('chat.postEphemeral').length;
    await click(h, { userId: LEADER, actionId: CHECKIN_ACTIONS.edit, value: row.id, message: where });
    const ephemeral = await waitFor(() => h.emu.callsTo('chat.postEphemeral')[told]);
    expect(ephemeral.args.text).toBe(EDIT_EXPIRED_TEXT);
    expect(h.emu.callsTo('views.open').length).toBe(opened);
    expect(actionIdsIn((await openHomeView(h, LEADER)).blocks)).not.toContain(CHECKIN_ACTIONS.edit);
  });
});
