// `/grow history`: the last five check-ins, newest first, and the commitment trend.
import { commitmentSparkline } from '../../domain/checkin/sparkline.js';
import { quoteUserText } from '../mrkdwn.js';
import { context, section, type Block } from './kit.js';

export interface HistoryEntry {
  createdAt: Date;
  goal: string;
  will: string;
  commitment: number;
  actionStatus?: string;
}

const STATUS_TEXT: Record<string, string> = { open: 'open', done: 'done', partly: 'partly done', not_yet: 'not yet', dropped: 'dropped' };

/** `entries` newest first; `localDate` formats a date in the leader's zone. */
export function historyBlocks(entries: HistoryEntry[], localDate: (d: Date) => string): Block[] {
  if (entries.length === 0) return [section('No check-ins yet. Type `/grow` to do your first one — it takes a few minutes.')];
  const trend = commitmentSparkline([...entries].reverse().map((e) => e.commitment));
  const lines = entries.map(
    (e) =>
      `*${localDate(e.createdAt)}* · commitment ${e.commitment}/10${e.actionStatus ? ` · ${STATUS_TEXT[e.actionStatus] ?? e.actionStatus}` : ''}\n` +
      `Goal: ${quoteUserText(e.goal, 200)}\nWill: ${quoteUserText(e.will, 200)}`,
  );
  return [section(`*Your last ${entries.length} check-in${entries.length === 1 ? '' : 's'}*`), ...lines.map(section), context(`Commitment trend, oldest to newest: ${trend}`)];
}
