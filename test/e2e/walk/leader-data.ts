// What a leader keeps and controls: a coaching moment saved from any message with the
// shortcut, a copy of their data (`/grow export`, a file in their DM) and its erasure
// (`/grow delete`, confirmed with a button).
import type { Json } from '../../emulator/index.js';
import type { Person } from './person.js';
import { poll } from './stage.js';

/** Someone writes in a channel; the leader saves it with "Save as coaching moment". */
export async function saveMoment(leader: Person, where: { channelId: string; text: string; note: string }): Promise<string> {
  const { emu, teamId } = leader.stage;
  const ts = emu.postUserMessage(teamId, { channelId: where.channelId, userId: leader.userId, text: where.text });
  const modal = await leader.opensModal('save_moment_submit', async () => {
    const result = await emu.messageShortcut({ teamId, userId: leader.userId, channelId: where.channelId, ts, callbackId: 'save_moment' });
    if (result.status !== 200 || result.failure) throw new Error(`save_moment → ${result.status} ${result.failure ?? ''}`);
  });
  await leader.submit(modal, { note: where.note, visibility: 'private' });
  return ts;
}

/** `/grow export`: the file that arrives in the leader's DM, parsed. */
export async function exportData(leader: Person): Promise<Json> {
  const before = leader.dms().length;
  await leader.grow('export');
  const message = await poll(`${leader.name}'s export`, () => leader.dms().slice(before).find((m) => Array.isArray(m.files)));
  const [file] = message.files as Json[];
  const upload = leader.stage.emu.store.uploads.get(String(file!.id));
  if (!upload?.received) throw new Error('the export file has no content');
  return JSON.parse(upload.received.toString('utf8')) as Json;
}

/** `/grow delete` asks first (privately); the leader presses the button; the answer replaces it. */
export async function eraseData(leader: Person): Promise<string> {
  const { emu, teamId } = leader.stage;
  const before = emu.ephemerals(teamId, leader.userId).length;
  await leader.grow('delete');
  const question = await poll('the erase question', () => emu.ephemerals(teamId, leader.userId)[before]);
  await leader.click({ channel: question.channel, ts: question.ts }, 'personal_data_delete');
  const answer = await poll('the erase answer', () => emu.ephemerals(teamId, leader.userId)[before + 1]);
  return answer.text;
}
