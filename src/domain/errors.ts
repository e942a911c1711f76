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
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
