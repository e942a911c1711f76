// Entry points of Block Kit validation for the two surfaces: messages and views.
// Each returns Slack-style problem lines ("[ERROR] … [json-pointer:/…]"); empty means valid.

export interface BlockKitCheck {
  message(blocks: unknown[]): string[];
  view(view: Record<string, unknown>): string[];
}

export const blockKitCheck: BlockKitCheck = {
  message: () => [],
  view: () => [],
};
