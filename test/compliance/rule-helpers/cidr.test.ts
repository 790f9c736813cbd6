import { AddressSet, INTERNET_WIDE, isInternetWide, parseCidr, PUBLIC } from '../../../compliance/rule-helpers/cidr';

const set = (...cidrs: string[]) => AddressSet.ofCidrs(cidrs);

describe('cidr', () => {
  describe('parseCidr', () => {
    it.each([
      ['0.0.0.0/0', 'ipv4', 0n, 2n ** 32n - 1n],
      ['0.0.0.0/00', 'ipv4', 0n, 2n ** 32n - 1n],
      ['10.0.0.1/8', 'ipv4', 10n << 24n, (11n << 24n) - 1n],
      ['::/0', 'ipv6', 0n, 2n ** 128n - 1n],
      ['::/00', 'ipv6', 0n, 2n ** 128n - 1n],
      ['0:0:0:0:0:0:0:0/0', 'ipv6', 0n, 2n ** 128n - 1n],
      ['8000::/1', 'ipv6', 2n ** 127n, 2n ** 128n - 1n],
    ])('reads %s as a range', (text, family, first, last) => {
      expect(parseCidr(text)).toEqual({ family, first, last });
    });

    it.each(['0.0.0.0', '0.0.0.0/33', '01.0.0.0/8', ' 0.0.0.0/0', '0.0.0.0/-0', '::ffff:0.0.0.0/96', 'anywhere', '::/129'])('refuses %j', (text) => {
      expect(parseCidr(text)).toBeUndefined();
    });
  });

  describe('AddressSet', () => {
    it('merges adjacent halves into the whole space', () => {
      expect(set('0.0.0.0/1', '128.0.0.0/1').size('ipv4')).toBe(2n ** 32n);
      expect(set('::/1', '8000::/1').size('ipv6')).toBe(2n ** 128n);
    });

    it('subtracts and intersects', () => {
      expect(set('0.0.0.0/0').minus(set('0.0.0.0/1')).size('ipv4')).toBe(2n ** 31n);
      expect(set('10.0.0.0/8').intersect(set('10.1.0.0/16', '11.0.0.0/8')).size('ipv4')).toBe(2n ** 16n);
      expect(set('10.0.0.0/8').minus(set('10.0.0.0/8')).isEmpty()).toBe(true);
    });

    it('keeps the families apart', () => {
      const both = set('0.0.0.0/0', '::/0');
      expect(both.size('ipv4')).toBe(2n ** 32n);
      expect(both.size('ipv6')).toBe(2n ** 128n);
    });
  });

  describe('isInternetWide', () => {
    it('counts a /8 of public IPv4 or a /32 of public IPv6, alone or as a union', () => {
      expect(isInternetWide(set('1.0.0.0/8'))).toBe(true);
      expect(isInternetWide(set('1.0.0.0/9'))).toBe(false);
      expect(isInternetWide(set('1.0.0.0/9', '1.128.0.0/9'))).toBe(true);
      expect(isInternetWide(set('1.0.0.0/9', '2.0.0.0/9'))).toBe(true);
      expect(isInternetWide(set('2a00::/32'))).toBe(true);
      expect(isInternetWide(set('2a00::/33'))).toBe(false);
    });

    it('does not count space the internet never routes to a VPC', () => {
      expect(isInternetWide(set('10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/3'))).toBe(false);
      expect(isInternetWide(set('fc00::/7', 'fe80::/10', 'ff00::/8', '2001:db8::/32'))).toBe(false);
      // 10.0.0.0/7 is 10/8 (private) plus 11/8 (public).
      expect(isInternetWide(set('10.0.0.0/7'))).toBe(true);
    });

    it('leaves nearly all of IPv4 public', () => {
      expect(PUBLIC.size('ipv4') > 2n ** 31n * 3n / 2n).toBe(true);
      expect(INTERNET_WIDE.ipv4).toBe(2n ** 24n);
    });
  });
});
