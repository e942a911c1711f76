// Turning a plan into row changes. Only pending rows are Grow's to change: a row that is
// sending, sent, skipped or failed records something that happened and is never touched.
export type NudgeRowStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'cancelled' | 'failed';

export interface ExistingNudge {
  id: string;
  dedupeKey: string;
  dueAt: Date;
  status: NudgeRowStatus;
  /** The session a row is about; a once-only slot (a review) can move to another session. */
  sessionId?: string | null;
}

/** A row's new time, and its session when the slot now follows a different one. */
export interface RowMove {
  id: string;
  dueAt: Date;
  /** Present only when the row now follows another session (with the ids it refers to). */
  session?: { sessionId: string | null; ref: Record<string, string | number> };
}

export interface PlanDiff<S> {
  /** Slots with no row yet. */
  insert: S[];
  /** Pending rows whose slot moved. */
  reschedule: RowMove[];
  /** Pending rows whose slot is no longer planned. */
  cancel: string[];
  /**
   * Cancelled rows whose slot is planned again (a session un-cancelled, a pause lifted
   * early): back to pending at the new time. The unique dedupe key forbids inserting a
   * second row, and nothing was sent, so reviving the row is the only way to send once.
   */
  restore: RowMove[];
}

export function diffPlan<S extends { dedupeKey: string; dueAt: Date; sessionId?: string; ref?: Record<string, string | number> }>(existing: ExistingNudge[], specs: S[]): PlanDiff<S> {
  const byKey = new Map(existing.map((row) => [row.dedupeKey, row]));
  const planned = new Set(specs.map((s) => s.dedupeKey));
  const diff: PlanDiff<S> = { insert: [], reschedule: [], cancel: [], restore: [] };
  for (const spec of specs) {
    const row = byKey.get(spec.dedupeKey);
    // Rows read without their session (undefined) are compared on time alone.
    const sessionMoved = row !== undefined && row.sessionId !== undefined && (row.sessionId ?? null) !== (spec.sessionId ?? null);
    const move: RowMove = { id: row?.id ?? '', dueAt: spec.dueAt, ...(sessionMoved ? { session: { sessionId: spec.sessionId ?? null, ref: spec.ref ?? {} } } : {}) };
    if (!row) diff.insert.push(spec);
    else if (row.status === 'pending' && (row.dueAt.getTime() !== spec.dueAt.getTime() || sessionMoved)) diff.reschedule.push(move);
    else if (row.status === 'cancelled') diff.restore.push(move);
  }
  for (const row of existing) {
    if (row.status === 'pending' && !planned.has(row.dedupeKey)) diff.cancel.push(row.id);
  }
  return diff;
}

export function isEmptyDiff(diff: PlanDiff<unknown>): boolean {
  return diff.insert.length + diff.reschedule.length + diff.cancel.length + diff.restore.length === 0;
}
