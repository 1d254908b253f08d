import { describe, expect, it } from 'vitest';
import { isLocalSite, isProductionSite } from './site-url';

describe('isProductionSite', () => {
  it('is false for names reserved for examples and tests, and for local hosts', () => {
    for (const url of [
      'https://loa-ban.example',
      'https://thu.loa-ban.example/',
      'https://tinh.test',
      'https://x.invalid',
      'http://localhost:4321',
      'http://dev.localhost',
      'http://127.0.0.1:8080',
      'http://may.local',
    ]) {
      expect(isProductionSite(url), url).toBe(false);
    }
  });

  it('is true for a real public address', () => {
    for (const url of ['https://loaban.langson.gov.vn', 'https://example.com.vn', 'https://localhost.gov.vn']) {
      expect(isProductionSite(url), url).toBe(true);
    }
  });

  it('agrees with isLocalSite on local hosts', () => {
    expect(isLocalSite('http://[::1]:4321/')).toBe(true);
    expect(isLocalSite('https://tinh.example')).toBe(false);
  });
});
