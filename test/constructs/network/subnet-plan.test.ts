import { planSubnets, SubnetPlanRequest } from '../../../constructs/network/subnet-plan';

const base: SubnetPlanRequest = {
  vpcCidr: '10.0.0.0/16',
  availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  maxAzCount: 4,
  tiers: [
    { tier: 'public', cidrMask: 24 },
    { tier: 'private', cidrMask: 20 },
    { tier: 'isolated', cidrMask: 24 },
  ],
};

function cidrs(req: SubnetPlanRequest): string[] {
  return planSubnets(req, 'Test').subnets.map((s) => `${s.tier}:${s.availabilityZone}:${s.cidrBlock}`);
}

describe('planSubnets', () => {
  test('lays tiers out largest block first, AZ i in slot i', () => {
    expect(cidrs(base)).toEqual([
      'public:eu-west-1a:10.0.64.0/24',
      'public:eu-west-1b:10.0.65.0/24',
      'public:eu-west-1c:10.0.66.0/24',
      'private:eu-west-1a:10.0.0.0/20',
      'private:eu-west-1b:10.0.16.0/20',
      'private:eu-west-1c:10.0.32.0/20',
      'isolated:eu-west-1a:10.0.68.0/24',
      'isolated:eu-west-1b:10.0.69.0/24',
      'isolated:eu-west-1c:10.0.70.0/24',
    ]);
  });

  test('adding a fourth AZ keeps the first three subnets and adds one per tier', () => {
    const before = cidrs(base);
    const after = cidrs({ ...base, availabilityZones: [...base.availabilityZones, 'eu-west-1d'] });
    expect(after.filter((c) => !c.includes('eu-west-1d'))).toEqual(before);
    expect(after.filter((c) => c.includes('eu-west-1d'))).toEqual([
      'public:eu-west-1d:10.0.67.0/24',
      'private:eu-west-1d:10.0.48.0/20',
      'isolated:eu-west-1d:10.0.71.0/24',
    ]);
  });

  test('no two planned subnets overlap and all lie inside the VPC', () => {
    const plan = planSubnets({ ...base, availabilityZones: ['a', 'b', 'c', 'd'].map((l) => `eu-west-1${l}`) }, 'Test');
    const toRange = (c: string) => {
      const [ip, p] = c.split('/');
      const n = ip!.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
      return [n, n + 2 ** (32 - Number(p))] as const;
    };
    const ranges = plan.subnets.map((s) => toRange(s.cidrBlock)).sort((a, b) => a[0] - b[0]);
    const [vpcStart, vpcEnd] = toRange(base.vpcCidr);
    ranges.forEach(([start, end], i) => {
      expect(start).toBeGreaterThanOrEqual(vpcStart);
      expect(end).toBeLessThanOrEqual(vpcEnd);
      if (i > 0) expect(start).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
    });
  });

  test('a pinned tier block is used as given and automatic tiers avoid it', () => {
    const plan = planSubnets({ ...base, tiers: [{ tier: 'private', cidrMask: 20 }, { tier: 'public', cidrMask: 24, cidrBlock: '10.0.0.0/22' }] }, 'Test');
    expect(plan.tierBlocks).toEqual({ private: '10.0.64.0/18', public: '10.0.0.0/22' });
  });

  test.each([
    ['not a CIDR', '10.0.0/16'],
    ['host bits set', '10.0.0.1/16'],
    ['octet out of range', '10.0.300.0/16'],
    ['prefix too short for a VPC', '10.0.0.0/8'],
    ['prefix beyond 32', '10.0.0.0/33'],
  ])('rejects a bad VPC CIDR: %s (TF-VPC-001)', (_why, vpcCidr) => {
    expect(() => planSubnets({ ...base, vpcCidr }, 'SharedVpc x')).toThrow(/^\[TF-VPC-001\] SharedVpc x: .*Got: ".*"\. Fix: /);
  });

  test.each([
    [15, 'shorter than the VPC'],
    [29, 'smaller than AWS allows'],
    [24.5, 'not a whole number'],
  ])('rejects tier mask /%s, %s (TF-VPC-002)', (cidrMask) => {
    expect(() => planSubnets({ ...base, tiers: [{ tier: 'public', cidrMask }] }, 'T')).toThrow('[TF-VPC-002]');
  });

  test.each([16, 20, 26, 28])('suggests a tier mask that a /%s VPC accepts (TF-VPC-002)', (prefix) => {
    const vpcCidr = `10.0.0.0/${prefix}`;
    let message = '';
    try {
      planSubnets({ ...base, vpcCidr, tiers: [{ tier: 'public', cidrMask: 30 }] }, 'T');
    } catch (e) {
      message = (e as Error).message;
    }
    const suggested = Number(/e\.g\. (\d+)\.$/.exec(message)?.[1]);
    expect(suggested).toBeGreaterThanOrEqual(prefix);
    expect(suggested).toBeLessThanOrEqual(28);
  });

  test('rejects overlapping pinned tiers, naming both blocks (TF-VPC-004)', () => {
    const tiers = [
      { tier: 'public' as const, cidrMask: 24, cidrBlock: '10.0.0.0/20' },
      { tier: 'isolated' as const, cidrMask: 24, cidrBlock: '10.0.8.0/21' },
    ];
    expect(() => planSubnets({ ...base, tiers }, 'SharedVpc n/vpc')).toThrow(
      '[TF-VPC-004] SharedVpc n/vpc: the public and isolated tiers overlap. Got: {"public":"10.0.0.0/20","isolated":"10.0.8.0/21"}',
    );
  });

  test('rejects more AZs than reserved slots (TF-VPC-003)', () => {
    const azs = ['a', 'b', 'c', 'd', 'e'].map((l) => `eu-west-1${l}`);
    expect(() => planSubnets({ ...base, availabilityZones: azs }, 'T')).toThrow(/\[TF-VPC-003\].*5 availability zones exceed maxAzCount \(4\)/);
  });

  test('rejects tiers that do not fit in the VPC (TF-VPC-003)', () => {
    expect(() => planSubnets({ ...base, vpcCidr: '10.0.0.0/20' }, 'T')).toThrow(/\[TF-VPC-003\].*no room left for the private tier/);
  });

  test('rejects a pinned block outside the VPC or too small for its slots (TF-VPC-003)', () => {
    expect(() => planSubnets({ ...base, tiers: [{ tier: 'public', cidrMask: 24, cidrBlock: '10.1.0.0/22' }] }, 'T')).toThrow(/\[TF-VPC-003\].*outside the VPC/);
    expect(() => planSubnets({ ...base, tiers: [{ tier: 'public', cidrMask: 24, cidrBlock: '10.0.0.0/23' }] }, 'T')).toThrow(/\[TF-VPC-003\].*cannot hold 4 subnets/);
  });
});
