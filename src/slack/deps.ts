// Everything the Slack layer is given at construction. Nothing in it reads the
// environment; tests build it with explicit values.
import type { Config } from '../config.js';
import type { ServiceContext } from '../services/context.js';
import type { ResolveBotToken } from '../platform/tokens.js';

export interface SlackDeps extends ServiceContext {
  config: Config;
  resolveBotToken: ResolveBotToken;
}
