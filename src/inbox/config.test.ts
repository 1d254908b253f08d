import { describe, expect, it } from 'vitest';
import { inboxConfig, siteInbox } from './config';

describe('inbox configuration', () => {
  it('is off for the site unless LOA_BAN_INBOX is set, and keeps 90 days by default', () => {
    expect(siteInbox({})).toEqual({ enabled: false, retentionDays: 90 });
    expect(siteInbox({ LOA_BAN_INBOX: '1', LOA_BAN_INBOX_DAYS: '30' })).toEqual({ enabled: true, retentionDays: 30 });
  });
  it('listens on loopback and states its limits', () => {
    expect(inboxConfig({})).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      rateLimit: { burst: 30, refillSeconds: 30 },
      gitDir: undefined,
    });
  });
  it('refuses a setting that is not a number', () => {
    expect(() => inboxConfig({ LOA_BAN_INBOX_DAYS: 'chín mươi' })).toThrow(/LOA_BAN_INBOX_DAYS/);
  });
});
