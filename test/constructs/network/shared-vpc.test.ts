import { SharedVpc, SharedVpcProps } from '../../../constructs/network/shared-vpc';
import { TenantformStack } from '../../../stacks/tenantform-stack';
import { newApp, PROD, resourcesOf, synthJson, TerraformJson } from '../../support/synth';

class VpcStack extends TenantformStack {}

function synthVpc(props: Partial<SharedVpcProps> = {}, region: string = PROD.region): TerraformJson {
  const stack = new VpcStack(newApp(), 'prod-network', { environment: { ...PROD, region } });
  new SharedVpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16', ...props });
  return synthJson(stack);
}

/** Resource attributes without cdktf's "//" metadata, keyed by Terraform address. */
function addresses(json: TerraformJson): Map<string, string> {
  const out = new Map<string, string>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const { '//': _meta, ...attrs } = body;
      out.set(`${type}.${name}`, JSON.stringify(attrs));
    }
  }
  return out;
}

function byTag(json: TerraformJson, type: string, tier: string) {
  return Object.values(resourcesOf(json, type)).filter((r) => (r.tags as Record<string, string> | undefined)?.tier === tier);
}

describe('SharedVpc', () => {
  describe('GIVEN the defaults', () => {
    const json = synthVpc();

    test('THEN it spans three AZs with public, private and isolated subnets', () => {
      const subnets = Object.values(resourcesOf(json, 'aws_subnet'));
      expect(subnets).toHaveLength(9);
      expect(new Set(subnets.map((s) => s.availability_zone))).toEqual(new Set(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']));
      for (const tier of ['public', 'private', 'isolated']) expect(byTag(json, 'aws_subnet', tier)).toHaveLength(3);
    });

    test('THEN no subnet maps public IPs on launch, public ones included', () => {
      for (const s of Object.values(resourcesOf(json, 'aws_subnet'))) expect(s.map_public_ip_on_launch).toBe(false);
    });

    test('THEN there is one NAT gateway per AZ, each private route table using its own AZ', () => {
      const nats = resourcesOf(json, 'aws_nat_gateway');
      expect(Object.keys(nats)).toHaveLength(3);
      const natRoutes = Object.entries(resourcesOf(json, 'aws_route')).filter(([, r]) => r.nat_gateway_id);
      expect(natRoutes).toHaveLength(3);
      for (const [name, route] of natRoutes) {
        const az = /private-(eu-west-1[abc])-nat/.exec(name)![1];
        expect(route.nat_gateway_id).toMatch(new RegExp(`nat-${az}`));
      }
    });

    test('THEN isolated subnets have no route to the internet', () => {
      const routes = Object.keys(resourcesOf(json, 'aws_route'));
      expect(routes.filter((r) => r.includes('isolated'))).toEqual([]);
    });

    test('THEN the default security group and default NACL are adopted with no rules', () => {
      expect(Object.values(resourcesOf(json, 'aws_default_security_group'))).toEqual([
        expect.objectContaining({ ingress: [], egress: [], vpc_id: expect.stringContaining('aws_vpc.') }),
      ]);
      expect(Object.values(resourcesOf(json, 'aws_default_network_acl'))).toEqual([expect.objectContaining({ ingress: [], egress: [] })]);
    });

    test('THEN every subnet sits in a tier NACL, so none falls back to the locked default', () => {
      const nacls = Object.values(resourcesOf(json, 'aws_network_acl'));
      expect(nacls.map((n) => (n.subnet_ids as string[]).length)).toEqual([3, 3, 3]);
      const isolated = nacls.find((n) => (n.tags as Record<string, string>).tier === 'isolated')!;
      const rules = [...(isolated.ingress as { cidr_block: string }[]), ...(isolated.egress as { cidr_block: string }[])];
      expect(rules.every((r) => r.cidr_block === '10.0.0.0/16')).toBe(true);
    });

    test('THEN no NACL admits SSH or RDP from anywhere, and only HTTPS and return traffic come from outside', () => {
      for (const nacl of Object.values(resourcesOf(json, 'aws_network_acl'))) {
        for (const rule of nacl.ingress as { cidr_block: string; protocol: string; from_port: number; to_port: number }[]) {
          if (rule.cidr_block !== '0.0.0.0/0') continue;
          expect(rule.protocol).toBe('tcp');
          expect([[443, 443], [1024, 3388], [3390, 65535]]).toContainEqual([rule.from_port, rule.to_port]);
          for (const port of [22, 3389]) expect(port >= rule.from_port && port <= rule.to_port).toBe(false);
        }
      }
    });

    test('THEN flow logs capture all traffic into a KMS-encrypted log group kept a year', () => {
      expect(Object.values(resourcesOf(json, 'aws_flow_log'))).toEqual([
        expect.objectContaining({ traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' }),
      ]);
      const [group] = Object.values(resourcesOf(json, 'aws_cloudwatch_log_group'));
      expect(group).toEqual(expect.objectContaining({ retention_in_days: 365, kms_key_id: expect.stringContaining('aws_kms_key.') }));
      const [key] = Object.values(resourcesOf(json, 'aws_kms_key'));
      expect(key!.enable_key_rotation).toBe(true);
    });

    test('THEN the flow log key admits CloudWatch Logs only for this log group, and the account without kms:*', () => {
      const [key] = Object.values(resourcesOf(json, 'aws_kms_key'));
      const policy = JSON.parse(key!.policy as string) as { Statement: { Action: string[]; Principal: Record<string, string>; Condition?: unknown }[] };
      const [admin, logs] = policy.Statement;
      expect(admin!.Principal).toEqual({ AWS: 'arn:aws:iam::111111111111:root' });
      expect(admin!.Action).not.toContain('kms:*');
      expect(admin!.Action).not.toContain('kms:Decrypt');
      expect(logs!.Principal).toEqual({ Service: 'logs.eu-west-1.amazonaws.com' });
      expect(logs!.Condition).toEqual({
        ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:111111111111:log-group:/tenantform/vpc-flow-logs/prod-network/vpc' },
      });
    });

    test('THEN the flow log role is assumable by the flow logs service of this account only', () => {
      const [role] = Object.values(resourcesOf(json, 'aws_iam_role'));
      const trust = JSON.parse(role!.assume_role_policy as string) as { Statement: Record<string, unknown>[] };
      expect(trust.Statement[0]).toEqual(
        expect.objectContaining({ Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } }),
      );
    });

    test('THEN hosts reach SSM through interface endpoints that admit HTTPS from the VPC only', () => {
      const endpoints = Object.values(resourcesOf(json, 'aws_vpc_endpoint'));
      expect(endpoints.map((e) => e.service_name).sort()).toEqual([
        'com.amazonaws.eu-west-1.ec2messages',
        'com.amazonaws.eu-west-1.s3',
        'com.amazonaws.eu-west-1.ssm',
        'com.amazonaws.eu-west-1.ssmmessages',
      ]);
      expect(endpoints.filter((e) => e.vpc_endpoint_type === 'Interface').every((e) => e.private_dns_enabled === true)).toBe(true);
      expect(Object.values(resourcesOf(json, 'aws_vpc_security_group_ingress_rule'))).toEqual([
        expect.objectContaining({ from_port: 443, to_port: 443, ip_protocol: 'tcp', cidr_ipv4: '10.0.0.0/16' }),
      ]);
    });
  });

  test('single NAT mode routes every private subnet through one gateway', () => {
    const json = synthVpc({ natGateways: 'single' });
    expect(Object.keys(resourcesOf(json, 'aws_nat_gateway'))).toEqual([expect.stringContaining('nat-eu-west-1a')]);
    const natRoutes = Object.values(resourcesOf(json, 'aws_route')).filter((r) => r.nat_gateway_id);
    expect(natRoutes).toHaveLength(3);
    expect(new Set(natRoutes.map((r) => r.nat_gateway_id)).size).toBe(1);
  });

  test('no-NAT mode creates neither NAT gateways nor Elastic IPs', () => {
    const json = synthVpc({ natGateways: 'none' });
    expect(resourcesOf(json, 'aws_nat_gateway')).toEqual({});
    expect(resourcesOf(json, 'aws_eip')).toEqual({});
  });

  test('flow logs can go to S3 instead, without a log group or role', () => {
    const json = synthVpc({ flowLogs: { destination: 's3', bucketArn: 'arn:aws:s3:::acme-flow-logs/vpc' } });
    expect(Object.values(resourcesOf(json, 'aws_flow_log'))).toEqual([
      expect.objectContaining({ log_destination_type: 's3', log_destination: 'arn:aws:s3:::acme-flow-logs/vpc' }),
    ]);
    expect(resourcesOf(json, 'aws_cloudwatch_log_group')).toEqual({});
  });

  test('public IPs can be enabled for public subnets only', () => {
    const json = synthVpc({ publicSubnets: { mapPublicIpOnLaunch: true } });
    for (const s of Object.values(resourcesOf(json, 'aws_subnet'))) {
      expect(s.map_public_ip_on_launch).toBe((s.tags as Record<string, string>).tier === 'public');
    }
  });

  test('an omitted tier creates no subnets, NACL or routes for it', () => {
    const json = synthVpc({ isolatedSubnets: false });
    expect(byTag(json, 'aws_subnet', 'isolated')).toEqual([]);
    expect(byTag(json, 'aws_network_acl', 'isolated')).toEqual([]);
  });

  test('adding a 4th AZ changes no resource of the first three (diff of synthesized JSON)', () => {
    const three = addresses(synthVpc({ availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] }, 'us-east-1'));
    const four = addresses(synthVpc({ availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'] }, 'us-east-1'));
    const changed = [...three].filter(([address, attrs]) => four.get(address) !== attrs).map(([address]) => address);
    // Only tier-wide resources that list every subnet may change; nothing keyed to an existing AZ does.
    expect(changed.sort()).toEqual([
      expect.stringMatching(/^aws_network_acl\.vpc_network-acl-isolated/),
      expect.stringMatching(/^aws_network_acl\.vpc_network-acl-private/),
      expect.stringMatching(/^aws_network_acl\.vpc_network-acl-public/),
      expect.stringMatching(/^aws_vpc_endpoint\.vpc_endpoint-ec2messages/),
      expect.stringMatching(/^aws_vpc_endpoint\.vpc_endpoint-s3/),
      expect.stringMatching(/^aws_vpc_endpoint\.vpc_endpoint-ssm_/),
      expect.stringMatching(/^aws_vpc_endpoint\.vpc_endpoint-ssmmessages/),
    ]);
    const added = [...four.keys()].filter((a) => !three.has(a));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((a) => a.includes('us-east-1d'))).toBe(true);
  });

  describe('availability zones are real', () => {
    const azsOf = (json: TerraformJson): string[] => [...new Set(Object.values(resourcesOf(json, 'aws_subnet')).map((s) => s.availability_zone as string))].sort();

    test('defaults come from the Region\'s zone list, not from letters', () => {
      expect(azsOf(synthVpc({}, 'ap-northeast-1'))).toEqual(['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d']);
      expect(azsOf(synthVpc({ azCount: 2 }, 'ca-central-1'))).toEqual(['ca-central-1a', 'ca-central-1b']);
    });

    test('a zone the Region does not have is refused (TF-VPC-005)', () => {
      expect(() => synthVpc({ availabilityZones: ['eu-west-1a', 'eu-west-1d'] })).toThrow(/\[TF-VPC-005\].*Got: \["eu-west-1a","eu-west-1d"\].*this Region has eu-west-1a, eu-west-1b, eu-west-1c/);
      expect(() => synthVpc({ azCount: 4 })).toThrow(/\[TF-VPC-005\].*larger than the 3 availability zones eu-west-1 has.*Got: 4/);
    });

    test('a Region without a vetted list needs explicit zones (TF-VPC-007), and takes them', () => {
      expect(() => synthVpc({}, 'us-west-1')).toThrow(/\[TF-VPC-007\].*us-west-1.*Got: "us-west-1".*availabilityZones/);
      expect(azsOf(synthVpc({ availabilityZones: ['us-west-1b', 'us-west-1c'] }, 'us-west-1'))).toEqual(['us-west-1b', 'us-west-1c']);
    });
  });

  describe('bad input', () => {
    test.each<[string, Partial<SharedVpcProps>, RegExp]>([
      ['a bad CIDR', { cidrBlock: '10.0.0.0/33' }, /\[TF-VPC-001\] SharedVpc prod-network\/vpc: VPC cidrBlock is not a valid IPv4 network.*Got: "10\.0\.0\.0\/33"/],
      ['overlapping tiers', { publicSubnets: { cidrBlock: '10.0.0.0/20' }, isolatedSubnets: { cidrBlock: '10.0.8.0/21' } }, /\[TF-VPC-004\] SharedVpc prod-network\/vpc: the public and isolated tiers overlap/],
      ['too many AZs for the CIDR', { cidrBlock: '10.0.0.0/20', azCount: 3 }, /\[TF-VPC-003\] SharedVpc prod-network\/vpc: the VPC has no room left/],
      ['more AZs than reserved slots', { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], maxAzCount: 2 }, /\[TF-VPC-003\].*exceed maxAzCount/],
      ['an azCount out of range', { azCount: 0 }, /\[TF-VPC-005\].*azCount must be a whole number from 1 to 6.*Got: 0/],
      ['AZs of another region', { availabilityZones: ['us-east-1a'] }, /\[TF-VPC-005\].*distinct AZ names in eu-west-1/],
      ['duplicate AZs', { availabilityZones: ['eu-west-1a', 'eu-west-1a'] }, /\[TF-VPC-005\]/],
      ['an unknown NAT mode', { natGateways: 'two' as never }, /\[TF-VPC-005\].*natGateways/],
      ['NAT without a public tier', { publicSubnets: false }, /\[TF-VPC-005\].*NAT gateways need a public tier/],
      ['a flow log bucket that is not an ARN', { flowLogs: { destination: 's3', bucketArn: 'my-bucket' } }, /\[TF-PRP-012\].*"flowLogs\.bucketArn" must be an ARN.*Got: "my-bucket"/],
      ['a flow log bucket ARN of another service', { flowLogs: { destination: 's3', bucketArn: 'arn:aws:sqs:eu-west-1:111111111111:logs' } }, /\[TF-VPC-006\].*bucketArn.*Got: "arn:aws:sqs/],
      ['a retention CloudWatch does not offer', { flowLogs: { destination: 'cloud-watch-logs', retentionDays: 10 } }, /\[TF-VPC-006\].*retentionDays.*Got: 10/],
    ])('%s gives a coded error naming the construct', (_why, props, expected) => {
      expect(() => synthVpc(props)).toThrow(expected);
    });
  });
});
