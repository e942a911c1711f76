// Structured logs. Redaction is a second line of defence: code must never log tokens
// or free text in the first place. Every line written while a request is handled carries
// its request, team and user ids (src/observability/request-context). In development on a
// terminal the lines are pretty-printed (pino-pretty); everywhere else they are JSON.
import type { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { currentRequestIds } from './observability/request-context.js';

export type { Logger };

export interface LoggerOptions {
  /** Human-readable lines (development on a terminal). */
  pretty?: boolean;
  /** Where lines go (tests); stdout by default. */
  destination?: Writable;
  /**
   * Sees each warning or error that carries an `err` first; returning true means it takes
   * the line over and calls `write` itself if it should still appear (src/database-outage.ts).
   */
  screen?: (err: unknown, write: () => void) => boolean;
}

const WARN = 40;

export function createLogger(level: string, base: Record<string, unknown> = {}, options: LoggerOptions = {}): Logger {
  const settings = {
    level,
    base: { app: 'grow', ...base },
    mixin: () => currentRequestIds(),
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void, level: number) {
        const screen = options.screen;
        const first = args[0];
        const err = first instanceof Error ? first : typeof first === 'object' && first !== null ? (first as { err?: unknown }).err : undefined;
        if (screen && level >= WARN && err && screen(err, () => method.apply(this, args))) return;
        method.apply(this, args);
      },
    },
    redact: {
      paths: ['token', '*.token', 'botToken', '*.botToken', 'headers.authorization', '*.headers.authorization', 'text', '*.text'],
      censor: '[redacted]',
    },
  };
  if (options.pretty) return pino(settings, PinoPretty({ colorize: true, ignore: 'app,hostname,pid', translateTime: 'SYS:HH:MM:ss.l', destination: options.destination ?? 1 }));
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** Pretty lines only for a person watching: development, on a terminal. */
export function wantsPrettyLogs(env: string, stdoutIsTty: boolean | undefined): boolean {
  return env === 'development' && stdoutIsTty === true;
}
