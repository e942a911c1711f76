// Turning a plan into row changes. Only pending rows are Grow's to change: a row that is
// sending, sent, skipped or failed records something that happened and is never touched.
export type NudgeRowStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'cancelled' | 'failed';

export interface ExistingNudge {
  id: string;
  dedupeKey: string;
  dueAt: Date;
  status: NudgeRowStatus;
}

export interface PlanDiff<S> {
  /** Slots with no row yet. */
  insert: S[];
  /** Pending rows whose slot moved. */
  reschedule: { id: string; dueAt: Date }[];
  /** Pending rows whose slot is no longer planned. */
  cancel: string[];
  /**
   * Cancelled rows whose slot is planned again (a session un-cancelled, a pause lifted
   * early): back to pending at the new time. The unique dedupe key forbids inserting a
   * second row, and nothing was sent, so reviving the row is the only way to send once.
   */
  restore: { id: string; dueAt: Date }[];
}

export function diffPlan<S extends { dedupeKey: string; dueAt: Date }>(existing: ExistingNudge[], specs: S[]): PlanDiff<S> {
  const byKey = new Map(existing.map((row) => [row.dedupeKey, row]));
  const planned = new Set(specs.map((s) => s.dedupeKey));
  const diff: PlanDiff<S> = { insert: [], reschedule: [], cancel: [], restore: [] };
  for (const spec of specs) {
    const row = byKey.get(spec.dedupeKey);
    if (!row) diff.insert.push(spec);
    else if (row.status === 'pending' && row.dueAt.getTime() !== spec.dueAt.getTime()) {
      diff.reschedule.push({ id: row.id, dueAt: spec.dueAt });
    } else if (row.status === 'cancelled') diff.restore.push({ id: row.id, dueAt: spec.dueAt });
  }
  for (const row of existing) {
    if (row.status === 'pending' && !planned.has(row.dedupeKey)) diff.cancel.push(row.id);
  }
  return diff;
}

export function isEmptyDiff(diff: PlanDiff<unknown>): boolean {
  return diff.insert.length + diff.reschedule.length + diff.cancel.length + diff.restore.length === 0;
}
