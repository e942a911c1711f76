// Time for the emulator. Everything time-dependent (ts values, trigger expiry, DND, rate
// windows, fault storms) reads one injectable clock so tests never need to sleep.

export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export interface ManualClock {
  now: Clock;
  advance(ms: number): void;
  set(ms: number | Date): void;
}

/** A clock that only moves when told to; pass `clock.now` as the emulator's `now` option. */
export function createManualClock(start: number | Date = Date.UTC(2024, 0, 15, 9, 0, 0)): ManualClock {
  let current = typeof start === 'number' ? start : start.getTime();
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = typeof ms === 'number' ? ms : ms.getTime();
    },
  };
}
