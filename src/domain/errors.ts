// Errors the domain raises on purpose. The Slack layer turns each code into a friendly
// message; the user never sees a stack trace or a library's error text.
export type DomainErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'stale'
  | 'paused'
  | 'not_ready';

export class DomainError extends Error {
  /**
   * `message` is for logs; `userMessage`, when given, is written for the person in Slack
   * and replaces the generic sentence for the code.
   */
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly userMessage?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
