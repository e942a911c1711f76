// Bolt (and the Web API client it creates) logs through our pino logger, so its lines
// carry the same structure and redaction; every line passes the Slack log filter first,
// because at debug level these libraries print request and response bodies.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { filterSlackLog } from './slack-log-filter.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Writes Slack library narration at `level`, after the filter; `component` names the source. */
export function filteredSlackWriter(logger: Logger, component: string) {
  const child = logger.child({ component });
  return (level: Level, args: unknown[]) => {
    const line = filterSlackLog(args);
    if (line) child[level](line.fields, line.msg);
  };
}

export function toBoltLogger(logger: Logger): BoltLogger {
  const write = filteredSlackWriter(logger, 'bolt');
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => write('debug', msg),
    info: (...msg) => write('info', msg),
    warn: (...msg) => write('warn', msg),
    error: (...msg) => write('error', msg),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}
