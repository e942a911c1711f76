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

  it('reads the send concurrency and refuses one outside 1 to 100', () => {
    expect(parseConfig(minimal).sendConcurrency).toBe(20);
    expect(parseConfig({ ...minimal, SEND_CONCURRENCY: '8' }).sendConcurrency).toBe(8);
    for (const bad of ['0', '101', '2.5', 'many']) expect(() => parseConfig({ ...minimal, SEND_CONCURRENCY: bad })).toThrow(/SEND_CONCURRENCY/);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ ...minimal, PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  describe('the rhythm and the default working window', () => {
    it('default to the rhythm and the hours Grow ships', () => {
      const c = parseConfig(minimal);
      expect(c.rhythm).toEqual({
        followUpFraction: 0.5, prepWorkingDaysBefore: 1, checkinPromptHoursAfter: 3, midpointReviewHoursAfter: 2,
        closingReviewHoursAfter: 2, backOffAfterUnanswered: 2, invitationDelayMinutes: 0,
      });
      expect(c.defaultWorkingHours).toEqual({ workDays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1050 });
    });

    it('reads each offset and the window from its variable', () => {
      const c = parseConfig({
        ...minimal,
        RHYTHM_FOLLOW_UP_FRACTION: '0.25', RHYTHM_PREP_WORKING_DAYS: '2', RHYTHM_CHECKIN_PROMPT_HOURS: '1.5',
        RHYTHM_MIDPOINT_REVIEW_HOURS: '0', RHYTHM_CLOSING_REVIEW_HOURS: '24', RHYTHM_BACK_OFF_AFTER: '3',
        RHYTHM_INVITATION_DELAY_MINUTES: '10', WORK_DAYS: '1,2,3,4', WORK_HOURS: '08:00-16:30',
      });
      expect(c.rhythm).toEqual({
        followUpFraction: 0.25, prepWorkingDaysBefore: 2, checkinPromptHoursAfter: 1.5, midpointReviewHoursAfter: 0,
        closingReviewHoursAfter: 24, backOffAfterUnanswered: 3, invitationDelayMinutes: 10,
      });
      expect(c.defaultWorkingHours).toEqual({ workDays: [1, 2, 3, 4], startMinute: 480, endMinute: 990 });
      expect(parseConfig({ ...minimal, WORK_DAYS: '1-3,6' }).defaultWorkingHours.workDays).toEqual([1, 2, 3, 6]);
    });

    it('refuses each value the planner would refuse, naming the variable and what it expects', () => {
      const bad: Record<string, string> = {
        RHYTHM_FOLLOW_UP_FRACTION: '1',
        RHYTHM_PREP_WORKING_DAYS: '0',
        RHYTHM_CHECKIN_PROMPT_HOURS: '-1',
        RHYTHM_MIDPOINT_REVIEW_HOURS: 'soon',
        RHYTHM_CLOSING_REVIEW_HOURS: '-0.5',
        RHYTHM_BACK_OFF_AFTER: '1.5',
        RHYTHM_INVITATION_DELAY_MINUTES: '-5',
        WORK_DAYS: 'mon-fri',
        WORK_HOURS: '17:30-09:00',
      };
      for (const [name, value] of Object.entries(bad)) {
        let error: unknown;
        try {
          parseConfig({ ...minimal, [name]: value });
        } catch (e) {
          error = e;
        }
        expect(error, name).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems, name).toEqual([expect.stringMatching(new RegExp(`^${name}: must be `))]);
        expect((error as Error).message).toContain('README.md#configuration');
      }
      expect(() => parseConfig({ ...minimal, RHYTHM_FOLLOW_UP_FRACTION: '0' })).toThrow(/between 0 and 1/);
      expect(() => parseConfig({ ...minimal, RHYTHM_PREP_WORKING_DAYS: '21' })).toThrow(/from 1 to 20/);
      expect(() => parseConfig({ ...minimal, WORK_DAYS: '0-5' })).toThrow(/WORK_DAYS: must be ISO weekdays/);
    });
  });
});
