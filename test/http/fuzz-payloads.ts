// Generated Slack request bodies that a real Slack would never send, or that name things
// their sender does not own: missing fields, wrong types in `state.values`, unknown
// callback and action ids, huge strings, non-JSON button values, nested arrays, ids of
// another user or workspace. Each comes out as the raw body and content type to sign.
import fc from 'fast-check';
import { CALLBACKS, ENGAGEMENT_ACTIONS, NUDGE_ACTIONS, PERSON_ACTIONS } from '../../src/slack/ids.js';

export interface FuzzRequest {
  kind: string;
  contentType: string;
  body: string;
}

const KNOWN_ACTIONS = [...Object.values(NUDGE_ACTIONS), ...Object.values(ENGAGEMENT_ACTIONS), ...Object.values(PERSON_ACTIONS)];
const KNOWN_CALLBACKS = Object.values(CALLBACKS);

// Past every limit Slack sets on a field (3,000 characters for most), without making the run slow.
const huge = fc.nat({ max: 3 }).map((n) => 'x<!channel>&'.repeat(300 * (n + 1)));
const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Ids a sender could forge: another workspace's people, malformed ids, junk. */
const slackId = fc.oneof(fc.constantFrom('U0OTHER001', 'U0E2ELEAD1', 'W0ENTERPR1', 'T0OTHERWS1', 'u-lower', ''), fc.stringMatching(/^[UTW][A-Z0-9]{8}$/), junk);
const team = fc.oneof(fc.constantFrom('T0E2E00001', 'T0OTHERWS1'), junk);
const uuid = fc.uuid();
const buttonValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  uuid.map((id) => JSON.stringify({ nudgeId: id, actionId: id })),
  uuid.map((id) => JSON.stringify({ engagementId: id })),
  uuid.map((id) => `{"nudgeId":"${id}"`),
  huge,
  junk.map((v) => JSON.stringify(v) ?? 'undefined'),
);
const actionId = fc.oneof(fc.constantFrom(...KNOWN_ACTIONS), fc.string({ maxLength: 20 }), huge, junk);
const callbackId = fc.oneof(fc.constantFrom(...KNOWN_CALLBACKS), fc.string({ maxLength: 20 }), huge, junk);

/** `state.values` with the element types Grow reads, holding values of the wrong type. */
const stateValues = fc.oneof(
  fc.dictionary(
    fc.constantFrom('goal', 'will', 'reality', 'options', 'commitment', 'visibility', 'due', 'work_days', 'work_start', 'note', 'x'),
    fc.dictionary(
      fc.string({ maxLength: 10 }),
      fc.record(
        {
          type: fc.oneof(fc.constantFrom('plain_text_input', 'static_select', 'radio_buttons', 'checkboxes', 'datepicker', 'timepicker'), junk),
          value: junk,
          selected_option: fc.oneof(junk, fc.record({ value: junk })),
          selected_options: fc.oneof(junk, fc.array(fc.record({ value: junk }), { maxLength: 3 })),
          selected_date: junk,
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 2 },
    ),
    { maxKeys: 5 },
  ),
  junk,
);

/** Drops some keys and replaces others with junk, so every field may be missing or mistyped. */
function damage<T extends Record<string, unknown>>(base: fc.Arbitrary<T>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(base, fc.array(fc.nat(), { maxLength: 3 }), fc.array(fc.tuple(fc.nat(), junk), { maxLength: 2 })).map(([body, drops, swaps]) => {
    const out: Record<string, unknown> = { ...body };
    const keys = Object.keys(out);
    for (const d of drops) delete out[keys[d % keys.length]!];
    for (const [s, v] of swaps) out[keys[s % keys.length]!] = v;
    return out;
  });
}

const blockActions = damage(
  fc.record({
    type: fc.constant('block_actions'),
    user: fc.oneof(fc.record({ id: slackId }), junk),
    team: fc.oneof(fc.record({ id: team }), junk),
    trigger_id: fc.oneof(fc.constant('1.2.abc'), junk),
    container: fc.oneof(fc.record({ type: fc.constant('message'), channel_id: slackId, message_ts: fc.constant('1.000100') }), junk),
    actions: fc.oneof(
      fc.array(fc.record({ action_id: actionId, block_id: fc.string({ maxLength: 10 }), type: fc.constantFrom('button', 'static_select'), value: buttonValue }), { maxLength: 2 }),
      junk,
    ),
    view: fc.oneof(fc.constant(undefined), fc.record({ id: fc.constant('V0FUZZ0001'), type: fc.constant('home'), state: fc.record({ values: stateValues }) }), junk),
  }),
);

const viewSubmission = damage(
  fc.record({
    type: fc.constantFrom('view_submission', 'view_closed'),
    user: fc.oneof(fc.record({ id: slackId }), junk),
    team: fc.oneof(fc.record({ id: team }), junk),
    view: fc.oneof(
      fc.record({
        id: fc.oneof(fc.constant('V0FUZZ0001'), junk),
        type: fc.constant('modal'),
        callback_id: callbackId,
        private_metadata: fc.oneof(buttonValue, uuid.map((id) => JSON.stringify({ sessionId: id, nudgeId: id, engagementId: id, actionId: id }))),
        state: fc.oneof(fc.record({ values: stateValues }), junk),
      }),
      junk,
    ),
  }),
);

const event = damage(
  fc.record({
    type: fc.oneof(fc.constant('event_callback'), junk),
    team_id: team,
    event: fc.oneof(
      fc.record({ type: fc.constantFrom('app_home_opened', 'user_change', 'tokens_revoked', 'app_uninstalled', 'reaction_added'), user: fc.oneof(junk, fc.record({ id: junk, tz: junk })), tab: junk, tokens: junk }),
      junk,
    ),
  }),
);

const command = damage(
  fc.record({
    command: fc.oneof(fc.constantFrom('/grow', '/other'), junk),
    text: fc.oneof(fc.constantFrom('pause', 'resume', 'delete', 'export', 'history'), huge, junk),
    user_id: junk,
    team_id: team,
    channel_id: fc.oneof(fc.constant('D0FUZZ0001'), junk),
  }),
);

const asForm = (body: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')])).toString();

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  blockActions.map((p) => ({ kind: 'block_actions', contentType: 'application/x-www-form-urlencoded', body: `payload=${encodeURIComponent(JSON.stringify(p))}` })),
  viewSubmission.map((p) => ({ kind: 'view', contentType: 'application/x-www-form-urlencoded', body: `payload=${encodeURIComponent(JSON.stringify(p))}` })),
  event.map((p) => ({ kind: 'event', contentType: 'application/json', body: JSON.stringify(p) })),
  command.map((p) => ({ kind: 'command', contentType: 'application/x-www-form-urlencoded', body: asForm(p) })),
  fc.tuple(fc.constantFrom('application/json', 'application/x-www-form-urlencoded'), fc.oneof(fc.string({ maxLength: 50 }), junk.map((v) => JSON.stringify(v) ?? ''), junk.map((v) => `payload=${encodeURIComponent(JSON.stringify(v) ?? '')}`))).map(
    ([contentType, body]) => ({ kind: 'garbage', contentType, body }),
  ),
);
