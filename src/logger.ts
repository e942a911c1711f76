// Structured logs. Redaction is a second line of defence: code must never log tokens
// or free text in the first place.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** `destination` defaults to stdout; tests pass a stream to read every line. */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'grow', ...base },
    redact: {
      paths: ['token', '*.token', 'botToken', '*.botToken', 'headers.authorization', '*.headers.authorization', 'text', '*.text'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
