import { validateNlbCidrs } from '../../../../constructs/platform/routing/nlb-cidrs';
import { errorCode } from '../../../support/platform-fixtures';

describe('validateNlbCidrs', () => {
  it('accepts private networks', () => {
    expect(validateNlbCidrs(['10.30.0.0/16', '172.16.4.0/24', '192.168.0.0/16', '10.0.0.0/8'], 'test')).toEqual([
      '10.30.0.0/16',
      '172.16.4.0/24',
      '192.168.0.0/16',
      '10.0.0.0/8',
    ]);
  });

  it.each([
    ['the whole internet', '0.0.0.0/0'],
    ['a public network', '8.8.8.0/24'],
    ['wider than the private block', '172.0.0.0/8'],
    ['straddling a private range', '172.16.0.0/11'],
    ['host bits set', '10.30.0.1/16'],
    ['no prefix', '10.30.0.0'],
    ['IPv6', '::/0'],
    ['bad octet', '10.300.0.0/16'],
    ['prefix too long', '10.0.0.0/33'],
    ['not a string', 10],
  ])('rejects %s with TF-PLT-009', (_why, cidr) => {
    expect(errorCode(() => validateNlbCidrs([cidr], 'test'))).toBe('TF-PLT-009');
  });

  it('rejects duplicates with TF-PLT-009', () => {
    expect(errorCode(() => validateNlbCidrs(['10.30.0.0/16', '10.30.0.0/16'], 'test'))).toBe('TF-PLT-009');
  });
});
