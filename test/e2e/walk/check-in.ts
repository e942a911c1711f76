// The GROW check-in as a leader walks it: `/grow`, the four questions, a commitment, and
// — below 8 — the "what would make it a 10?" step before it is saved.
import type { Json } from '../../emulator/index.js';
import type { Person } from './person.js';
import { poll } from './stage.js';

export interface CheckInAnswers {
  goal: string;
  reality: string;
  options: string;
  will: string;
  commitment: number;
  visibility?: 'private' | 'summary' | 'shared';
  /** The answer on the revisit step (asked only when commitment is below 8). */
  makeItTen?: string;
  /** When the action is due (YYYY-MM-DD); left empty, it is due at the next session. */
  dueDate?: string;
}

export interface CheckInWalk {
  /** The modal as first opened, and the revisit step if Grow asked for it. */
  modal: Json;
  revisit?: Json;
  /** The confirmation DM Grow sent once the check-in was saved. */
  confirmation: Json;
}

function values(a: CheckInAnswers): Record<string, string> {
  return {
    goal: a.goal,
    reality: a.reality,
    options: a.options,
    will: a.will,
    commitment: String(a.commitment),
    visibility: a.visibility ?? 'summary',
    ...(a.dueDate ? { will_due: a.dueDate } : {}),
  };
}

export interface CheckInOptions {
  /** How the modal opens: `/grow` by default, or e.g. a prompt's button. */
  open?: () => Promise<void>;
  /**
   * The leader has targets: Grow opens the modal at once and adds them in an update, so
   * the leader (who takes more than a moment to answer) sees them before submitting.
   */
  withTargets?: boolean;
  /** Sees the revisit step before it is answered. */
  onRevisit?: (view: Json) => void;
}

/** Walks a check-in from opening the modal to its confirmation DM. */
export async function walkCheckIn(leader: Person, answers: CheckInAnswers, options: CheckInOptions = {}): Promise<CheckInWalk> {
  const opened = await leader.opensModal('grow_checkin', options.open ?? (() => leader.grow()));
  const modal = options.withTargets
    ? await poll(`the check-in modal to offer ${leader.name}'s targets`, () => {
        const now = leader.openModals().find((v) => v.id === opened.id);
        return now && JSON.stringify(now.blocks).includes('"goal_target"') ? now : undefined;
      })
    : opened;
  const dmsBefore = leader.dms().length;
  if (answers.commitment >= 8) {
    await leader.submit(modal, values(answers));
    return { modal, confirmation: await confirmation(leader, dmsBefore) };
  }
  const asked = await leader.submit(modal, values(answers), 'updated');
  const revisit = asked.view!;
  options.onRevisit?.(revisit);
  if (!JSON.stringify(revisit.blocks).includes('make_it_ten')) throw new Error('the revisit step has no "make it a 10" question');
  await leader.submit(revisit, { ...values(answers), make_it_ten: answers.makeItTen ?? '' });
  return { modal, revisit, confirmation: await confirmation(leader, dmsBefore) };
}

function confirmation(leader: Person, dmsBefore: number): Promise<Json> {
  return poll(`the check-in confirmation to ${leader.name}`, () => leader.dms()[dmsBefore]);
}
