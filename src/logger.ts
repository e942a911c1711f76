// Structured logs. Redaction is a second line of defence: code must never log tokens
// or free text in the first place.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { app: 'grow', ...base },
    redact: {
      paths: ['token', '*.token', 'botToken', '*.botToken', 'headers.authorization', '*.headers.authorization', 'text', '*.text'],
      censor: '[redacted]',
    },
  });
}
