// Public entry of the Slack emulator used by Grow's tests and `npm run emulator`.

export { startEmulator, Emulator } from './emulator.js';
export type { EmulatorOptions, Transport } from './options.js';
export { createManualClock, type ManualClock, type Clock } from './clock.js';
export type { FaultRule, FaultOptions } from './faults.js';
export type { RateLimitOptions } from './rate-limits.js';
export type { RecordedCall } from './call-log.js';
export type { Json, Ephemeral, DndSetting } from './state-types.js';
export type { AddTeamInput, AddUserInput } from './store.js';
export type { SlashCommandResult, InteractionResult } from './driver/messaging.js';
export type { SubmitViewResult, CloseViewResult, ViewActionResult } from './driver/views.js';
export type { EventResult } from './driver/events.js';
export type { SubmittedValues } from './driver/view-state.js';
export { signRequest, verifyRequest } from './driver/signing.js';
export type { SocketLink, DisconnectReason } from './socket/links.js';
export type { Envelope, EnvelopeType } from './socket/envelopes.js';
export type { SocketEnvelopeRecord } from './socket/hub.js';
