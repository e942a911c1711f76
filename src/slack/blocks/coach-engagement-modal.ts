// The frame of the modals a coach opens on an engagement (a private note, a question of
// their own, a session recap): the engagement in the metadata, which the listener
// (registerCoachEngagementModal) reads back on submit, and Cancel to close.
import type { View } from '@slack/types';
import { coachEngagementMetaSchema } from '../engagement-button-value.js';
import { encodeJson } from '../metadata.js';
import { plain, type Block } from './kit.js';

export function coachEngagementModal(input: { callbackId: string; title: string; submit: string; engagementId: string; blocks: Block[] }): View {
  return {
    type: 'modal',
    callback_id: input.callbackId,
    title: plain(input.title),
    submit: plain(input.submit),
    close: plain('Cancel'),
    private_metadata: encodeJson(coachEngagementMetaSchema, { engagementId: input.engagementId }),
    blocks: input.blocks,
  };
}
