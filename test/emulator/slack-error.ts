// A refusal in Slack's own words: the `error` code plus any extra fields Slack adds
// (response_metadata.messages for Block Kit, `errors`, `needed`...).

export class SlackError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'SlackError';
  }

  /** Slack's invalid_* answers carry "[ERROR] … [json-pointer:…]" lines in response_metadata. */
  static withMessages(code: string, messages: string[]): SlackError {
    return new SlackError(code, { response_metadata: { messages } });
  }
}
