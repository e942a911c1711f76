// Public entry of the Slack emulator used by Grow's tests and `npm run emulator`.

export { startEmulator, Emulator } from './emulator.js';
export type { EmulatorOptions } from './options.js';
export { createManualClock, type ManualClock, type Clock } from './clock.js';
export type { FaultRule, FaultOptions } from './faults.js';
export type { RateLimitOptions } from './rate-limits.js';
export type { RecordedCall } from './call-log.js';
export type { Json, Ephemeral, DndSetting } from './state-types.js';
