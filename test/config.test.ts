import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

const minimal = { SLACK_SIGNING_SECRET: 's3cret', SLACK_BOT_TOKEN: 'xoxb-1-2-abc' };

describe('configuration contract', () => {
  it('applies the documented defaults', () => {
    const c = parseConfig(minimal);
    expect(c).toMatchObject({ port: 3000, redisUrl: 'redis://127.0.0.1:6379', logLevel: 'info', databaseUrl: undefined, env: 'development' });
    expect(c.slack.apiUrl).toBe('https://slack.com/api/');
  });

  it('names every bad variable in one readable message pointing at the README, without echoing secrets', () => {
    let error: unknown;
    try {
      parseConfig({ SLACK_BOT_TOKEN: 'nope-token', PORT: 'abc', ENCRYPTION_KEY: 'c2hvcnQ=', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'PORT', 'ENCRYPTION_KEY', 'DATABASE_URL']) expect(message).toContain(name);
    expect(message).toContain('README.md#configuration');
    expect(message).not.toContain('nope-token');
    expect(message).not.toMatch(/ZodError|at .*\.ts/);
  });

  it('needs no signing secret in Socket Mode or for the worker role', () => {
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).not.toThrow();
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }, 'worker')).not.toThrow();
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }, 'web')).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('accepts OAuth credentials instead of a bot token', () => {
    const c = parseConfig({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'st' });
    expect(c.slack.oauth).toEqual({ clientId: 'id', clientSecret: 'cs', stateSecret: 'st' });
  });

  it('requires an encryption key in production only', () => {
    expect(() => parseConfig({ ...minimal, NODE_ENV: 'production' })).toThrow(/ENCRYPTION_KEY/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(parseConfig({ ...minimal, NODE_ENV: 'production', ENCRYPTION_KEY: key }).encryptionKey).toHaveLength(32);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ ...minimal, PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });
});
