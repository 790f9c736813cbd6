import { coversPort, cidrSources, portsOf, protocolOf } from '../../../compliance/rule-helpers/traffic';
import { unknownValue } from '../../../compliance/values';

describe('traffic', () => {
  it.each([
    ['-1', 'all'], ['all', 'all'], ['ALL', 'all'], ['-01', 'all'], [-1, 'all'],
    ['6', 'tcp'], ['006', 'tcp'], [6, 'tcp'], ['TCP', 'tcp'], ['17', 'udp'], ['1', 'icmp'], ['58', 'icmpv6'], ['icmpv6', 'icmpv6'],
    ['47', '#47'], ['ssh', 'unknown'], ['256', 'unknown'], [undefined, 'unknown'], ['${var.p}', 'unknown'],
  ])('reads protocol %j as %s', (value, expected) => {
    expect(protocolOf(value)).toBe(expected);
  });

  it('reads port ranges, all ports for protocol -1 and ICMP, unknown when a TCP bound is missing', () => {
    expect(portsOf('tcp', 22, '22')).toEqual({ from: 22, to: 22 });
    expect(portsOf('tcp', -1, -1)).toEqual({ from: 0, to: 65535 });
    expect(portsOf('all', 0, 0)).toEqual({ from: 0, to: 65535 });
    expect(portsOf('icmp', 8, 0)).toEqual({ from: 0, to: 65535 });
    expect(portsOf('tcp', undefined, 22)).toBe('unknown');
    expect(portsOf('udp', unknownValue('${var.p}'), 22)).toBe('unknown');
  });

  it('tells whether a rule covers a port', () => {
    expect(coversPort('all', 'unknown', 'tcp', 22)).toBe(true);
    expect(coversPort('tcp', { from: 20, to: 25 }, 'tcp', 22)).toBe(true);
    expect(coversPort('tcp', { from: 23, to: 25 }, 'tcp', 22)).toBe(false);
    expect(coversPort('udp', { from: 0, to: 65535 }, 'tcp', 22)).toBe(false);
    expect(coversPort('tcp', 'unknown', 'tcp', 22)).toBe('unknown');
    expect(coversPort('unknown', 'unknown', 'tcp', 22)).toBe('unknown');
  });

  it('keeps what it cannot read as unresolved sources, as written', () => {
    const s = cidrSources(['10.0.0.0/8', '${var.cidr}', unknownValue('${local.cidr}'), 'everywhere', '', null, undefined]);
    expect(s.known.size('ipv4')).toBe(2n ** 24n);
    expect(s.unresolved).toEqual(['${var.cidr}', '${local.cidr}', 'everywhere']);
  });
});
