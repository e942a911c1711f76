// The configuration contract (README "Configuration"), parsed once at boot. Everything
// else receives a `Config` object; nothing outside this module reads the environment.
import { z } from 'zod';
import { resolveRhythm, rhythmRules, type RhythmSettings } from './domain/planner/rhythm.js';
import { DEFAULT_SUPPORT_MESSAGE, DEFAULT_SUPPORT_PHRASES, parseSupportPhrases } from './domain/support/signpost.js';
import { defaultWorkingHours } from './domain/time/working-hours.js';
import { parseWorkDays, parseWorkHours, type WorkingWindow } from './domain/time/working-window.js';

const README = 'README.md#configuration';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const baseSchema = z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    SLACK_BOT_TOKEN: z.string().regex(/^xox[bp]-/, 'must start with xoxb-').optional(),
    SLACK_CLIENT_ID: z.string().min(1).optional(),
    SLACK_CLIENT_SECRET: z.string().min(1).optional(),
    SLACK_STATE_SECRET: z.string().min(1).optional(),
    SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'must start with xapp-').optional(),
    SLACK_API_URL: z.string().url('must be a URL such as https://slack.com/api/').default('https://slack.com/api/'),
    PORT: z.coerce.number({ invalid_type_error: 'must be a port number' }).int('must be a port number').min(0).max(65535).default(3000),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
    PGLITE_DIR: z.string().default('./data/pglite'),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
    ENCRYPTION_KEY: z
      .string()
      .refine(
        (v) => v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32),
        'must be one or more 32-byte keys, base64-encoded, comma-separated with the newest first (openssl rand -base64 32)',
      )
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    ADMIN_WRITE: boolish.default('false'),
    /** Prefix for BullMQ keys, so several deployments (or tests) can share one Redis. */
    QUEUE_PREFIX: z.string().regex(/^[\w-]+$/).default('grow'),
    RECONCILE_EVERY_MS: z.coerce.number({ invalid_type_error: 'must be a number of milliseconds' }).int().min(1000).default(60_000),
    /** A row `sending` for longer than this lost its worker (or its database connection). */
    STALE_SENDING_MS: z.coerce.number({ invalid_type_error: 'must be a number of milliseconds' }).int().min(1000).default(300_000),
    /** A send still running after this is given up: its row goes back to pending and the job is retried. */
    SEND_TIME_LIMIT_MS: z.coerce.number({ invalid_type_error: 'must be a number of milliseconds' }).int().min(1000).default(60_000),
    /** Sends in flight at once in each worker process; a send mostly waits on Postgres, Redis and Slack. */
    SEND_CONCURRENCY: z.coerce.number({ invalid_type_error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
    GROW_TEST_PAUSE_AFTER_POST: z.coerce.number({ invalid_type_error: 'must be a number of milliseconds' }).int().min(0).default(0),
    RUN_MIGRATIONS: boolish.default('true'),
    RETENTION_DAYS: z.coerce.number({ invalid_type_error: 'must be a number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').default(365),
    /** The programme report shows an outcome figure only when at least this many leaders contribute. */
    REPORT_MIN_LEADERS: z.coerce
      .number({ invalid_type_error: 'must be a whole number of leaders' })
      .int('must be a whole number of leaders')
      .min(3, 'must be at least 3: below that a figure can identify a leader')
      .default(5),
});

/** Each rhythm offset's variable; bounds and wording come from the planner's own rules. */
export const RHYTHM_VARIABLES = {
  RHYTHM_FOLLOW_UP_FRACTION: 'followUpFraction',
  RHYTHM_PREP_WORKING_DAYS: 'prepWorkingDaysBefore',
  RHYTHM_CHECKIN_PROMPT_HOURS: 'checkinPromptHoursAfter',
  RHYTHM_MIDPOINT_REVIEW_HOURS: 'midpointReviewHoursAfter',
  RHYTHM_CLOSING_REVIEW_HOURS: 'closingReviewHoursAfter',
  RHYTHM_BACK_OFF_AFTER: 'backOffAfterUnanswered',
  RHYTHM_INVITATION_DELAY_MINUTES: 'invitationDelayMinutes',
} as const satisfies Record<string, keyof RhythmSettings>;

const rhythmNumber = (key: keyof RhythmSettings) => {
  const message = `must be ${rhythmRules[key].expects}`;
  return z.coerce.number({ invalid_type_error: message }).refine(rhythmRules[key].accepts, message).optional();
};

const rhythmShape = Object.fromEntries(Object.entries(RHYTHM_VARIABLES).map(([name, key]) => [name, rhythmNumber(key)])) as {
  [N in keyof typeof RHYTHM_VARIABLES]: ReturnType<typeof rhythmNumber>;
};

/** A string read by `parse`; undefined from it is reported with `message`. */
const parsedString = <T>(parse: (v: string) => T | undefined, message: string) =>
  z.string().transform((v, ctx): T => {
    const parsed = parse(v);
    if (parsed === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return parsed;
  });

const schema = baseSchema.extend({
  ...rhythmShape,
  WORK_DAYS: parsedString(parseWorkDays, 'must be ISO weekdays (1 = Monday … 7 = Sunday) as a range or a list, e.g. 1-5 or 1,2,3,4,5').optional(),
  WORK_HOURS: parsedString(parseWorkHours, 'must be a start and an end on the 24-hour clock, start first, e.g. 09:00-17:30').optional(),
  SUPPORT_PHRASES: parsedString(parseSupportPhrases, "must be one or more phrases separated by commas, e.g. can't cope,burnt out").optional(),
  SUPPORT_MESSAGE: z.string().trim().min(1).max(2000, 'must be at most 2,000 characters').optional(),
});

function rhythmOf(e: z.output<typeof schema>): RhythmSettings {
  const overrides: Partial<RhythmSettings> = {};
  for (const [name, key] of Object.entries(RHYTHM_VARIABLES) as [keyof typeof RHYTHM_VARIABLES, keyof RhythmSettings][]) overrides[key] = e[name];
  return resolveRhythm(overrides);
}

type Env = Record<string, string | undefined>;

/** Rules across variables; checked on the raw values so every problem is reported at once. */
function crossCheck(env: Env, role: Role): string[] {
  const problems: string[] = [];
  if (role !== 'worker' && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: required unless SLACK_APP_TOKEN (Socket Mode) is set');
  }
  if (!env.SLACK_BOT_TOKEN && !(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET)) {
    problems.push('SLACK_BOT_TOKEN: set a bot token, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth');
  }
  if (env.NODE_ENV === 'production' && !env.ENCRYPTION_KEY) {
    problems.push('ENCRYPTION_KEY: required in production (openssl rand -base64 32)');
  }
  // A key file next to the embedded database is only safe because both live on one
  // machine; a shared Postgres needs the key from the environment, like any secret.
  if (env.DATABASE_URL && !env.ENCRYPTION_KEY) {
    problems.push('ENCRYPTION_KEY: required whenever DATABASE_URL is set (openssl rand -base64 32)');
  }
  return problems;
}

export type Role = 'all' | 'web' | 'worker';

export interface Config {
  env: 'development' | 'test' | 'production';
  role: Role;
  slack: {
    signingSecret?: string;
    botToken?: string;
    appToken?: string;
    apiUrl: string;
    oauth?: { clientId: string; clientSecret: string; stateSecret: string };
  };
  port: number;
  databaseUrl?: string;
  pgliteDir: string;
  redisUrl: string;
  /** The current 32-byte key, or undefined with the embedded database (a local key file is used instead). */
  encryptionKey?: Buffer;
  /** Every configured key, the current one first; older keys only decrypt (rotation). */
  encryptionKeys?: Buffer[];
  logLevel: string;
  adminToken?: string;
  /** Bull Board may retry, promote and remove jobs (read-only otherwise). */
  adminWrite: boolean;
  queuePrefix: string;
  reconcileEveryMs: number;
  staleSendingMs: number;
  sendTimeLimitMs: number;
  /** Sends in flight at once in each worker process. */
  sendConcurrency: number;
  /** Fault tests only: a send waits this long between its post and its record. 0 outside NODE_ENV=test. */
  testPauseAfterPostMs: number;
  runMigrations: boolean;
  /** Free text of an engagement is erased this many days after it ended. */
  retentionDays: number;
  /** The fewest leaders an outcome figure of the programme report may describe (never below 3). */
  reportMinLeaders: number;
  /** Offsets of the between-session rhythm, for every engagement in this deployment. */
  rhythm: RhythmSettings;
  /** The working window a person starts with, until they set their own in App Home. */
  defaultWorkingHours: WorkingWindow;
  /** The support signpost: phrases in a leader's own words, and what the leader is told privately. */
  support: { phrases: string[]; message: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Grow cannot start; fix these settings (see ${README}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment; throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>, role: Role = 'all'): Config {
  // Empty strings mean "unset" (a blank line in a .env file should not be a value).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.message}`)),
    ...crossCheck(cleaned, role),
  ];
  if (!result.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = result.data;
  return {
    env: e.NODE_ENV,
    role,
    slack: {
      signingSecret: e.SLACK_SIGNING_SECRET,
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      oauth:
        e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
          ? { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET }
          : undefined,
    },
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    redisUrl: e.REDIS_URL,
    encryptionKey: keysOf(e.ENCRYPTION_KEY)?.[0],
    encryptionKeys: keysOf(e.ENCRYPTION_KEY),
    logLevel: e.LOG_LEVEL,
    adminToken: e.ADMIN_TOKEN,
    adminWrite: e.ADMIN_WRITE,
    queuePrefix: e.QUEUE_PREFIX,
    reconcileEveryMs: e.RECONCILE_EVERY_MS,
    staleSendingMs: e.STALE_SENDING_MS,
    sendTimeLimitMs: e.SEND_TIME_LIMIT_MS,
    sendConcurrency: e.SEND_CONCURRENCY,
    testPauseAfterPostMs: e.NODE_ENV === 'test' ? e.GROW_TEST_PAUSE_AFTER_POST : 0,
    runMigrations: e.RUN_MIGRATIONS,
    retentionDays: e.RETENTION_DAYS,
    reportMinLeaders: e.REPORT_MIN_LEADERS,
    rhythm: rhythmOf(e),
    defaultWorkingHours: {
      workDays: e.WORK_DAYS ?? [...defaultWorkingHours.workDays],
      startMinute: e.WORK_HOURS?.startMinute ?? defaultWorkingHours.startMinute,
      endMinute: e.WORK_HOURS?.endMinute ?? defaultWorkingHours.endMinute,
    },
    support: { phrases: e.SUPPORT_PHRASES ?? [...DEFAULT_SUPPORT_PHRASES], message: e.SUPPORT_MESSAGE ?? DEFAULT_SUPPORT_MESSAGE },
  };
}

function keysOf(value: string | undefined): Buffer[] | undefined {
  return value ? value.split(',').map((k) => Buffer.from(k.trim(), 'base64')) : undefined;
}

/** Reads process.env once. The only place in Grow that does. */
export function loadConfig(role: Role): Config {
  return parseConfig(process.env, role);
}

export interface DatabaseConfig {
  databaseUrl?: string;
  pgliteDir: string;
}

/** What `npm run db:migrate` needs: the database settings and nothing about Slack. */
export function parseDatabaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = baseSchema.pick({ DATABASE_URL: true, PGLITE_DIR: true }).safeParse(cleaned);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.message}`));
  return { databaseUrl: result.data.DATABASE_URL, pgliteDir: result.data.PGLITE_DIR };
}

export const loadDatabaseConfig = (): DatabaseConfig => parseDatabaseConfig(process.env);

/**
 * Runs a command's start-up so that a configuration error prints its one clear message
 * and exits, never a stack trace; any other failure prints `failure` (no library text).
 */
export async function runCommand(failure: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : failure}\n`);
    process.exit(1);
  }
}
