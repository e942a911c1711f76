// "How Grow works with you": the five styles, each named with what it changes, and the
// messages the leader wants. Opened from App Home; the contracting answer set the first choice.
import type { View } from '@slack/types';
import { CHOOSABLE_KINDS, STYLES, STYLE_TEXT, type Style } from '../../domain/engagement/style.js';
import { contractingMetaSchema } from '../engagement-button-value.js';
import { encodeJson } from '../metadata.js';
import { messagesInput } from './engagement-inputs.js';
import { context, option, plain, section, type Block } from './kit.js';
import { CALLBACKS } from '../ids.js';

/** Block ids the submission reads: `style` with `readInput`, `messages` with `readMulti`. */
export const STYLE_FIELDS = ['style'] as const;
export const STYLE_MESSAGES = 'messages';

// Option text is limited to 75 characters, so what each style changes is a section above.
const styleOption = (s: Style) => option(STYLE_TEXT[s].name, s);

export function styleModal(input: { engagementId: string; style: Style; mutedKinds: readonly string[] }): View {
  const blocks: Block[] = [
    section(STYLES.map((s) => `*${STYLE_TEXT[s].name}*\n${STYLE_TEXT[s].line}`).join('\n\n')),
    {
      type: 'input',
      block_id: 'style',
      label: plain('How should Grow work with you?'),
      element: { type: 'radio_buttons', action_id: 'style', options: STYLES.map(styleOption), initial_option: styleOption(input.style) },
    },
    messagesInput(STYLE_MESSAGES, 'Which messages would you like between sessions?', input.mutedKinds),
    context('The light rhythm sends only the follow-up and session prep, whatever is ticked. Changes apply to messages not yet sent.'),
  ];
  return {
    type: 'modal',
    callback_id: CALLBACKS.style,
    title: plain('How Grow works'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: encodeJson(contractingMetaSchema, { engagementId: input.engagementId }),
    blocks,
  };
}

/** One line for App Home: the style and how many messages are on. */
export function styleSummary(style: Style, mutedKinds: readonly string[]): string {
  const on = CHOOSABLE_KINDS.filter((c) => !mutedKinds.includes(c.kind)).length;
  return `*How Grow works with you:* ${STYLE_TEXT[style].name}. ${STYLE_TEXT[style].line} _${on} of ${CHOOSABLE_KINDS.length} kinds of message on._`;
}
