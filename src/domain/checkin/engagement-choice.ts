// Which engagement a check-in belongs to when a leader has more than one coach: the one
// they picked, else the one they picked last, else the oldest. Only their own active
// engagements are candidates, so a forged or stale id never chooses anything.

export function chooseEngagement<E extends { id: string }>(active: E[], picks: { chosenId?: string; lastId?: string }): E | undefined {
  const byId = (id: string | undefined) => (id ? active.find((e) => e.id === id) : undefined);
  return byId(picks.chosenId) ?? byId(picks.lastId) ?? active[0];
}
