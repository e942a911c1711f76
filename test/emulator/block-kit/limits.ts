// Slack's documented Block Kit and message limits, in one place so the validator and its
// tests read from the same numbers.

export const MESSAGE_TEXT_MAX = 40_000;
export const MESSAGE_BLOCKS_MAX = 50;
export const VIEW_BLOCKS_MAX = 100;

export const VIEW_TITLE_MAX = 24;
export const VIEW_SUBMIT_MAX = 24;
export const VIEW_CLOSE_MAX = 24;
export const PRIVATE_METADATA_MAX = 3_000;
export const CALLBACK_ID_MAX = 255;
export const EXTERNAL_ID_MAX = 255;

export const BLOCK_ID_MAX = 255;
export const ACTION_ID_MAX = 255;

export const SECTION_TEXT_MAX = 3_000;
export const SECTION_FIELDS_MAX = 10;
export const SECTION_FIELD_TEXT_MAX = 2_000;
export const HEADER_TEXT_MAX = 150;
export const CONTEXT_ELEMENTS_MAX = 10;
export const ACTIONS_ELEMENTS_MAX = 25;

export const BUTTON_TEXT_MAX = 75;
export const BUTTON_VALUE_MAX = 2_000;
export const URL_MAX = 3_000;

export const INPUT_LABEL_MAX = 2_000;
export const INPUT_HINT_MAX = 2_000;
export const PLACEHOLDER_MAX = 150;
export const PLAIN_TEXT_INPUT_MAX_LENGTH = 3_000;

export const OPTIONS_MAX = 100;
export const OPTION_TEXT_MAX = 75;
export const OPTION_VALUE_MAX = 150;
export const OPTION_DESCRIPTION_MAX = 75;
export const CHECKBOX_OPTIONS_MAX = 10;
export const RADIO_OPTIONS_MAX = 10;
export const IMAGE_ALT_TEXT_MAX = 2_000;
