// The check-in end to end through the real Bolt app over signed HTTP, on real Postgres,
// against the Slack emulator.
import { openCheckIn } from '../../db/check-ins.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { actions, checkIns, nudges, people } from '../../db/schema/index.js';
import { FORM, interactionBody, LEADER, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { checkInSubmission } from '../support/checkin-payloads.js';
import { coachSeesSentence } from '../../src/domain/privacy/promises.js';

let h: Harness;
// What the check-in handed to the queue, with whether each row was already committed
// (read back over another pool connection at hand-off time).
const handedOff: { id: string; committed: boolean }[] = [];
beforeAll(async () => {
  h = await startHarness({
    handOffNudges: async (planned) => {
      for (const n of planned) {
        const rows = await h.db.db.select({ id: nudges.id }).from(nudges).where(eq(nudges.id, n.id));
        handedOff.push({ id: n.id, committed: rows.length === 1 });
      }
    },
  });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate check_ins, actions, nudges, people cascade`);
  mark = h.emu.callsTo('chat.postMessage').length;
});

let mark = 0;
const newDms = () => h.emu.callsTo('chat.postMessage').slice(mark).filter((c) => c.args.channel === LEADER);

async function openModal() {
  const before = h.emu.callsTo('views.open').length;
  const res = await h.post(slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM);
  expect(res.status).toBe(200);
  const call = await waitFor(() => h.emu.callsTo('views.open')[before]);
  expect(call.ok).toBe(true);
  return (call.response as { view: Parameters<typeof checkInSubmission>[0] }).view;
}

const answers = { goal: 'Run calmer 1:1s', reality: 'I talk most of the time', options: 'Ask first; listen; take notes', will: 'Open each 1:1 with a question' };

async function submit(view: Parameters<typeof checkInSubmission>[0], extra: Partial<typeof answers> & { commitment?: number; makeItTen?: string; dueDate?: string; preconditionNudge?: boolean }) {
  const res = await h.post(interactionBody(checkInSubmission(view, { ...answers, ...extra })), FORM);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const count = async (table: typeof checkIns | typeof actions | typeof nudges) => (await h.db.db.select().from(table)).length;

describe('/grow check-in', () => {
  it('opens the grow_checkin modal with the GROW questions', async () => {
    const view = await openModal();
    expect(view.callback_id).toBe('grow_checkin');
    const ids = view.blocks.map((b) => b.block_id);
    for (const id of ['goal', 'reality', 'options', 'will', 'commitment', 'visibility']) expect(ids).toContain(id);
  });

  it('saves a commitment of 9 straight away: rows written, follow-up planned, DM sent', async () => {
    const view = await openModal();
    const { status, body } = await submit(view, { commitment: 9 });
    expect(status).toBe(200);
    expect(body).toBeUndefined();
    const [row] = await h.db.db.select().from(checkIns);
    expect(row).toMatchObject({ teamId: TEAM, leaderId: LEADER, commitment: 9, revisited: false, visibility: 'summary' });
    expect(row!.willEnc).not.toContain('question');
    expect(openCheckIn(h.cipher, row!).will).toBe(answers.will);
    const [action] = await h.db.db.select().from(actions);
    expect(action).toMatchObject({ status: 'open', checkInId: row!.id });
    expect(action!.dueAt.getTime()).toBeGreaterThan(Date.now());
    const [nudge] = await h.db.db.select().from(nudges);
    expect(nudge).toMatchObject({ kind: 'follow_up', recipientId: LEADER, status: 'pending', ref: { actionId: action!.id } });
    // No engagement: the follow-up is handed to the queue right after its insert committed.
    expect(handedOff.filter((x) => x.id === nudge!.id)).toEqual([{ id: nudge!.id, committed: true }]);
    const dm = await waitFor(() => newDms()[0]);
    expect(dm.ok).toBe(true);
    expect(JSON.stringify(dm.args.blocks)).toContain('Open each 1:1 with a question');
  });

  it('asks late on the due date the leader chose, and the DM names exactly that moment', async () => {
    const view = await openModal();
    // Grow learns the leader's zone from Slack just after the modal opens; a person takes longer to answer.
    await waitFor(async () => (await h.db.db.select().from(people).where(eq(people.userId, LEADER)))[0]?.tz === 'Europe/Paris');
    // A Wednesday at least a week ahead, in the leader's zone (Europe/Paris).
    const due = DateTime.now().setZone('Europe/Paris').plus({ weeks: 1 }).set({ weekday: 3 }).toISODate()!;
    await submit(view, { commitment: 9, dueDate: due });
    const [nudge] = await h.db.db.select().from(nudges);
    const asked = DateTime.fromJSDate(nudge!.dueAt, { zone: 'Europe/Paris' });
    expect(asked.toISODate()).toBe(due);
    expect(asked.toFormat('HH:mm')).toBe('17:00');
    const dm = await waitFor(() => newDms()[0]);
    expect(JSON.stringify(dm.args.blocks)).toContain(`I'll ask how it went on ${asked.toFormat("ccc d LLL 'at' HH:mm")}.`);
  });

  it('says under the visibility choice what the coach will see, and rewrites it when the choice changes', async () => {
    const view = await openModal();
    const line = (v: { blocks: { block_id?: string }[] }) => JSON.stringify(v.blocks.find((b) => b.block_id === 'visibility_line'));
    expect(line(view)).toContain(coachSeesSentence('check_in', 'summary'));
    const updates = h.emu.callsTo('views.update').length;
    const stored = view as unknown as Record<string, unknown>;
    const res = await h.post(
      interactionBody({
        type: 'block_actions',
        team: { id: TEAM, domain: 'acme' },
        user: { id: LEADER, username: 'leo', name: 'leo', team_id: TEAM },
        api_app_id: 'A0GROW0001',
        token: 'deprecated-verification-token',
        trigger_id: h.emu.issueTrigger(TEAM, LEADER),
        container: { type: 'view', view_id: view.id },
        view: { ...stored, state: { values: {} } },
        actions: [{ type: 'radio_buttons', action_id: 'visibility', block_id: 'visibility', selected_option: { text: { type: 'plain_text', text: 'x' }, value: 'private' }, action_ts: '1' }],
        is_enterprise_install: false,
      }),
      FORM,
    );
    expect(res.status).toBe(200);
    const update = await waitFor(() => h.emu.callsTo('views.update').slice(updates).find((c) => c.ok && JSON.stringify(c.args).includes('visibility_line')));
    const updated = (update.response as { view: { blocks: { block_id?: string }[]; callback_id: string } }).view;
    expect(updated.callback_id).toBe('grow_checkin');
    expect(line(updated)).toContain(coachSeesSentence('check_in', 'private'));
    expect(updated.blocks.map((b) => b.block_id)).toEqual(view.blocks.map((b) => b.block_id));
  });

  it('records the leader time zone from users.info on first contact', async () => {
    await openModal();
    const rows = await waitFor(async () => {
      const r = await h.db.db.execute(sql`select tz from people where user_id = ${LEADER}`);
      const list = Array.isArray(r) ? r : [];
      return list.length > 0 ? list : undefined;
    });
    expect(rows[0]).toMatchObject({ tz: 'Europe/Paris' });
  });

  it('asks what would make it a 10 when commitment is 5, then saves anyway', async () => {
    const view = await openModal();
    const first = await submit(view, { commitment: 5 });
    expect(first.body.response_action).toBe('update');
    expect(JSON.stringify(first.body.view)).toContain('What would make it a 10?');
    expect(await count(checkIns)).toBe(0);
    const revisit = { ...first.body.view, id: view.id };
    const second = await submit(revisit, { commitment: 5 });
    expect(second.body).toBeUndefined();
    const [row] = await h.db.db.select().from(checkIns);
    expect(row).toMatchObject({ commitment: 5, revisited: true });
    expect(await count(actions)).toBe(1);
  });

  it('offers, ticked, a nudge about what would make it a 10, and plans it before the follow-up', async () => {
    const view = await openModal();
    const first = await submit(view, { commitment: 6 });
    const revisit = { ...first.body.view, id: view.id };
    expect(JSON.stringify(revisit)).toContain('"block_id":"precondition_nudge"');
    expect(JSON.stringify(revisit.blocks.find((b: { block_id?: string }) => b.block_id === 'precondition_nudge'))).toContain('initial_options');
    await submit(revisit, { commitment: 6, makeItTen: 'HR agrees the wording', dueDate: DateTime.now().setZone('Europe/Paris').plus({ weeks: 1 }).set({ weekday: 4 }).toISODate()! });
    const [action] = await h.db.db.select().from(actions);
    expect(action!.askPrecondition).toBe(true);
    const rows = await h.db.db.select().from(nudges);
    const followUp = rows.find((n) => n.kind === 'follow_up')!;
    const precondition = rows.find((n) => n.kind === 'precondition')!;
    expect(precondition).toMatchObject({ recipientId: LEADER, status: 'pending', ref: { actionId: action!.id } });
    expect(precondition.dueAt.getTime()).toBeLessThan(followUp.dueAt.getTime());
    expect(precondition.dueAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('plans no precondition nudge when the leader unticks it', async () => {
    const view = await openModal();
    const first = await submit(view, { commitment: 6 });
    await submit({ ...first.body.view, id: view.id }, { commitment: 6, makeItTen: 'More time', preconditionNudge: false });
    const [action] = await h.db.db.select().from(actions);
    expect(action!.askPrecondition).toBe(false);
    expect((await h.db.db.select().from(nudges)).map((n) => n.kind)).toEqual(['follow_up']);
  });

  it('shows inline errors and writes nothing for an invalid submission', async () => {
    const view = await openModal();
    const { body } = await submit(view, { will: '   ', commitment: undefined, reality: 'x'.repeat(2001) });
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['commitment', 'reality', 'will']);
    expect(await count(checkIns)).toBe(0);
    expect(await count(actions)).toBe(0);
  });

  it('echoes mentions and mrkdwn in user text escaped, never live', async () => {
    const view = await openModal();
    await submit(view, { will: 'Tell <!channel> and <@U999> about *it* & more', commitment: 8 });
    const dm = await waitFor(() => newDms()[0]);
    const blocks = JSON.stringify(dm.args.blocks);
    expect(blocks).toContain('&lt;!channel&gt;');
    expect(blocks).toContain('&lt;@U999&gt;');
    expect(blocks).not.toContain('<!channel>');
    expect(blocks).not.toContain('<@U999>');
  });
});
