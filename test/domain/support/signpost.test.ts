import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { DEFAULT_SUPPORT_MESSAGE, DEFAULT_SUPPORT_PHRASES, needsSignpost, parseSupportPhrases } from '../../../src/domain/support/signpost.js';

const phrases = [...DEFAULT_SUPPORT_PHRASES];
const ENV = { NODE_ENV: 'test', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' };

describe('matching a leader\'s words against support phrases', () => {
  it('matches whatever the case, apostrophe, hyphen or spacing', () => {
    expect(needsSignpost(['I CAN’T   cope any more'], phrases)).toBe(true);
    expect(needsSignpost(['totally burnt-out'], phrases)).toBe(true);
    expect(needsSignpost(['thoughts of self harm'], phrases)).toBe(true);
    expect(needsSignpost(['Feeling hopelessly stuck'], phrases)).toBe(true);
  });

  it('does not match inside another word, or words that merely sit close', () => {
    expect(needsSignpost(['I can cope with this'], phrases)).toBe(false);
    expect(needsSignpost(['unhopeless'], ['hopeless'])).toBe(false);
    expect(needsSignpost(['The burner is out'], phrases)).toBe(false);
    expect(needsSignpost([undefined, null, ''], phrases)).toBe(false);
  });

  it('looks at every text it is given', () => {
    expect(needsSignpost(['fine', 'all good', 'panic attack on Monday'], phrases)).toBe(true);
  });
});

describe('SUPPORT_PHRASES and SUPPORT_MESSAGE', () => {
  it('default to the built-in phrases and a message naming the employee assistance programme', () => {
    const config = parseConfig(ENV);
    expect(config.support.phrases).toEqual(phrases);
    expect(config.support.message).toBe(DEFAULT_SUPPORT_MESSAGE);
    expect(DEFAULT_SUPPORT_MESSAGE).toContain('employee assistance programme');
  });

  it('replace them when set, comma-separated, blanks ignored', () => {
    const config = parseConfig({ ...ENV, SUPPORT_PHRASES: 'Overwhelmed, ,at breaking point', SUPPORT_MESSAGE: 'Call the Acme EAP on 0800 000 000.' });
    expect(config.support).toEqual({ phrases: ['overwhelmed', 'at breaking point'], message: 'Call the Acme EAP on 0800 000 000.' });
    expect(needsSignpost(['I feel overwhelmed'], config.support.phrases)).toBe(true);
    expect(needsSignpost(['I can’t cope'], config.support.phrases)).toBe(false);
  });

  it('refuse a list with no phrase in it, naming the variable', () => {
    expect(() => parseConfig({ ...ENV, SUPPORT_PHRASES: ' , ,' })).toThrow(/SUPPORT_PHRASES/);
    expect(parseSupportPhrases(',,')).toBeUndefined();
  });
});
