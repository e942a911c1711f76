// The message metadata every nudge is posted with: how a message in a DM is traced back
// to its row (for the exactly-once check, and for button clicks on older messages).
export const NUDGE_EVENT_TYPE = 'grow_nudge';

export function nudgeMetadata(nudgeId: string) {
  return { event_type: NUDGE_EVENT_TYPE, event_payload: { nudge_id: nudgeId } };
}
