import { describe, expect, it } from 'vitest';
import { issuerName } from './issuer';

describe('issuerName', () => {
  it('is the issuer when one is set', () => {
    expect(issuerName({ issuer: 'Sở Thông tin và Truyền thông tỉnh Lạng Sơn', siteName: 'Loa Bản' })).toBe(
      'Sở Thông tin và Truyền thông tỉnh Lạng Sơn',
    );
  });

  it('is the site name when no issuer is set, or it is blank', () => {
    expect(issuerName({ siteName: 'Loa Bản' })).toBe('Loa Bản');
    expect(issuerName({ issuer: undefined, siteName: 'Loa Bản' })).toBe('Loa Bản');
    expect(issuerName({ issuer: '  ', siteName: 'Loa Bản' })).toBe('Loa Bản');
  });
});
