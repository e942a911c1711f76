// Session rows on App Home, shared by the leader's and the coach's sections: each with
// a menu to move it, mark it held or cancel it, and the "End engagement" button (which
// opens a confirmation with an optional reason).
import { formatSessionTime } from './nudge-session-prep.js';
import { encodeEngagementValue, encodeSessionMenu } from '../engagement-button-value.js';
import { option, plain, type Block } from './kit.js';
import { ENGAGEMENT_ACTIONS } from '../ids.js';

export interface SessionRowInput {
  id: string;
  seq: number;
  scheduledAt: Date;
  status: 'scheduled' | 'held' | 'cancelled';
}

/** Sessions worth a row: up to two past ones never marked, then the next few, in time order. */
export function sessionsToShow<T extends SessionRowInput>(sessions: T[], now: Date, upcoming: number): T[] {
  const scheduled = sessions.filter((s) => s.status === 'scheduled').sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
  const unmarked = scheduled.filter((s) => s.scheduledAt <= now).slice(-2);
  return [...unmarked, ...scheduled.filter((s) => s.scheduledAt > now).slice(0, upcoming)];
}

export function sessionRow(s: SessionRowInput, tz: string, now: Date): Block {
  const past = s.scheduledAt <= now;
  const text = `Session ${s.seq} · ${formatSessionTime(s.scheduledAt, tz)}${past ? ' — was it held?' : ''}`;
  const ops = past ? (['held', 'reschedule', 'cancel'] as const) : (['reschedule', 'cancel'] as const);
  const label = { reschedule: 'Move…', held: 'Mark held', cancel: 'Cancel session' } as const;
  return {
    type: 'section',
    block_id: `session_${s.id}`,
    text: { type: 'mrkdwn', text },
    accessory: {
      type: 'overflow',
      action_id: ENGAGEMENT_ACTIONS.sessionMenu,
      options: ops.map((op) => option(label[op], encodeSessionMenu({ op, sessionId: s.id }))),
    },
  };
}

export function endEngagementBlock(engagementId: string, invited: boolean): Block {
  return {
    type: 'actions',
    block_id: `end_${engagementId}`,
    elements: [
      {
        type: 'button',
        action_id: ENGAGEMENT_ACTIONS.end,
        text: plain(invited ? 'Withdraw invitation' : 'End engagement'),
        value: encodeEngagementValue(engagementId),
        style: 'danger',
      },
    ],
  };
}
