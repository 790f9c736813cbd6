import { CloudwatchLogGroup, DefaultNetworkAcl, DefaultSecurityGroup, Eip, FlowLog, IamRole, IamRolePolicy, InternetGateway, KmsKey, NatGateway, NetworkAcl, NetworkAclEgress, NetworkAclIngress, Route, RouteTable, RouteTableAssociation, SecurityGroup, Subnet, Vpc, VpcEndpoint, VpcSecurityGroupIngressRule } from '../../core/aws';
import { policyJson, serviceTrustPolicy } from '../iam/policy';
import { workloadBoundaryArn } from '../identity/workload-boundary';
import { partitionOf } from '../identity/arn';
import { customerManagedKey } from '../kms/customer-managed-key';
import { guardArns, validateProps } from '../../core/validation';
import { SharedVpcPropsSchema } from './shared-vpc.schema';
import { Construct } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { availabilityZonesOf } from '../../core/availability-zones';
import { describeConstruct, TenantformError } from '../../core/errors';
import { planSubnets, SUBNET_TIERS, SubnetTier, TierRequest } from './subnet-plan';

/** How private subnets reach the internet. */
export type NatMode = 'per-az' | 'single' | 'none';

export interface SubnetTierOptions {
  /**
   * Prefix length of each subnet in this tier.
   * @default 24 for public and isolated, 20 for private
   */
  readonly cidrMask?: number;
  /**
   * Pin the tier to this block instead of carving it from free space.
   * @default - carved automatically
   */
  readonly cidrBlock?: string;
}

export interface PublicTierOptions extends SubnetTierOptions {
  /**
   * Give instances launched in public subnets a public IP. Nothing in the
   * reference system needs it (NAT gateways have their own Elastic IPs).
   * @default false
   */
  readonly mapPublicIpOnLaunch?: boolean;
}

export type FlowLogOptions =
  | {
      readonly destination: 'cloud-watch-logs';
      /**
       * KMS key for the log group.
       * @default - a dedicated key with rotation is created
       */
      readonly kmsKeyArn?: string;
      /** @default 365 */
      readonly retentionDays?: number;
      /** @default 'ALL' */
      readonly trafficType?: 'ALL' | 'ACCEPT' | 'REJECT';
    }
  | {
      readonly destination: 's3';
      /** ARN of an existing, encrypted log bucket (optionally with a prefix). */
      readonly bucketArn: string;
      /** @default 'ALL' */
      readonly trafficType?: 'ALL' | 'ACCEPT' | 'REJECT';
    };

export interface SharedVpcProps {
  /** IPv4 block of the VPC, /16 to /28. */
  readonly cidrBlock: string;
  /**
   * Number of AZs, taken in order from the region (`<region>a`, `b`, ...).
   * Ignored when `availabilityZones` is set.
   * @default 3
   */
  readonly azCount?: number;
  /**
   * Explicit AZ names. Append only: an AZ's position fixes its subnet addresses.
   * @default - the first `azCount` AZs of the region
   */
  readonly availabilityZones?: readonly string[];
  /**
   * Subnet slots reserved per tier, so AZs can be added later without moving
   * any subnet. Changing it after the first deploy moves every subnet.
   * @default 4
   */
  readonly maxAzCount?: number;
  /** Public tier (load balancers, NAT gateways); `false` to omit. @default - /24 subnets */
  readonly publicSubnets?: PublicTierOptions | false;
  /** Private tier, egress through NAT; `false` to omit. @default - /20 subnets */
  readonly privateSubnets?: SubnetTierOptions | false;
  /** Isolated tier, no route to the internet; `false` to omit. @default - /24 subnets */
  readonly isolatedSubnets?: SubnetTierOptions | false;
  /**
   * NAT gateways: one per AZ (resilient), one in total (cheap), or none.
   * @default 'per-az'
   */
  readonly natGateways?: NatMode;
  /**
   * VPC flow logs; `false` disables them, which the compliance gate reports.
   * @default - all traffic to a KMS-encrypted CloudWatch log group, kept 365 days
   */
  readonly flowLogs?: FlowLogOptions | false;
  /**
   * Interface endpoints beyond the SSM trio (`ssm`, `ssmmessages`, `ec2messages`),
   * by service suffix, e.g. `ecr.api`, `logs`, `kms`.
   * @default - none
   */
  readonly extraInterfaceEndpoints?: readonly string[];
}

const DEFAULT_MASK: Record<SubnetTier, number> = { public: 24, private: 20, isolated: 24 };
const SSM_ENDPOINTS = ['ssm', 'ssmmessages', 'ec2messages'];
const ANYWHERE = '0.0.0.0/0';

/**
 * A VPC laid out for the tenantform reference system: public, private and
 * isolated tiers across AZs, NAT per AZ, flow logs, locked default security
 * group and NACL, and SSM endpoints so hosts need neither SSH nor public IPs.
 *
 * Per-AZ resources are keyed by AZ name, and subnet addresses depend only on
 * the AZ's position, so adding an AZ changes nothing that already exists.
 */
export class SharedVpc extends Construct {
  public readonly vpc: Vpc;
  public readonly availabilityZones: readonly string[];
  /** Subnets per tier, in AZ order. Empty for an omitted tier. */
  public readonly subnets: Readonly<Record<SubnetTier, readonly Subnet[]>>;
  /** Route tables of the private and isolated tiers (for gateway endpoints added later). */
  public readonly privateRouteTables: readonly RouteTable[];
  /** Security group of the interface endpoints: HTTPS from inside the VPC only. */
  public readonly endpointSecurityGroup: SecurityGroup;
  public readonly flowLogGroup?: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: SharedVpcProps) {
    super(scope, id);
    const where = describeConstruct('SharedVpc', this.node);
    validateProps(SharedVpcPropsSchema, props, where);
    const env = environmentOf(this, 'SharedVpc');
    guardArns(props, env, where);
    this.availabilityZones = resolveAzs(props, env.region, where);
    const natMode = props.natGateways ?? 'per-az';
    if (!['per-az', 'single', 'none'].includes(natMode)) {
      throw new TenantformError({ code: 'TF-VPC-005', where, problem: 'natGateways must be "per-az", "single" or "none".', value: natMode, fix: 'pick one of the three modes.' });
    }

    const tierOptions: Record<SubnetTier, SubnetTierOptions | false> = {
      public: props.publicSubnets ?? {},
      private: props.privateSubnets ?? {},
      isolated: props.isolatedSubnets ?? {},
    };
    const requests: TierRequest[] = SUBNET_TIERS.filter((t) => tierOptions[t] !== false).map((tier) => {
      const o = tierOptions[tier] as SubnetTierOptions;
      return { tier, cidrMask: o.cidrMask ?? DEFAULT_MASK[tier], cidrBlock: o.cidrBlock };
    });
    if (natMode !== 'none' && tierOptions.public === false && tierOptions.private !== false) {
      throw new TenantformError({
        code: 'TF-VPC-005',
        where,
        problem: 'NAT gateways need a public tier to live in.',
        value: { natGateways: natMode, publicSubnets: false },
        fix: 'keep the public tier, or set natGateways: "none".',
      });
    }
    const plan = planSubnets(
      { vpcCidr: props.cidrBlock, availabilityZones: this.availabilityZones, maxAzCount: props.maxAzCount ?? 4, tiers: requests },
      where,
    );

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: props.cidrBlock,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: this.node.path },
    });

    // Adopt the defaults and strip every rule: anything that falls back to them gets no traffic.
    new DefaultSecurityGroup(this, 'default-security-group', { vpcId: this.vpc.id, ingress: [], egress: [] });
    new DefaultNetworkAcl(this, 'default-network-acl', {
      defaultNetworkAclId: this.vpc.defaultNetworkAclId,
      ingress: [],
      egress: [],
      lifecycle: { ignoreChanges: ['subnet_ids'] },
    });

    const subnets: Record<SubnetTier, Subnet[]> = { public: [], private: [], isolated: [] };
    for (const s of plan.subnets) {
      const publicIp = s.tier === 'public' && (tierOptions.public as PublicTierOptions).mapPublicIpOnLaunch === true;
      subnets[s.tier].push(
        new Subnet(this, `subnet-${s.tier}-${s.availabilityZone}`, {
          vpcId: this.vpc.id,
          cidrBlock: s.cidrBlock,
          availabilityZone: s.availabilityZone,
          mapPublicIpOnLaunch: publicIp,
          tags: { Name: `${this.node.path}/${s.tier}-${s.availabilityZone}`, tier: s.tier },
        }),
      );
    }
    this.subnets = subnets;

    const natByAz = this.buildPublicTier(subnets.public, natMode);
    this.privateRouteTables = [
      ...this.buildRoutedTier('private', subnets.private, natByAz),
      ...this.buildRoutedTier('isolated', subnets.isolated, new Map()),
    ];
    this.buildNetworkAcls(props.cidrBlock, subnets);
    this.endpointSecurityGroup = this.buildEndpoints(env.region, props, subnets);
    if (props.flowLogs !== false) {
      this.flowLogGroup = this.buildFlowLogs(props.flowLogs ?? { destination: 'cloud-watch-logs' }, env, where);
    }
  }

  private buildPublicTier(publicSubnets: Subnet[], natMode: NatMode): Map<string, NatGateway> {
    const natByAz = new Map<string, NatGateway>();
    if (publicSubnets.length === 0) return natByAz;
    const igw = new InternetGateway(this, 'internet-gateway', { vpcId: this.vpc.id, tags: { Name: this.node.path } });
    const table = new RouteTable(this, 'route-table-public', { vpcId: this.vpc.id, tags: { Name: `${this.node.path}/public`, tier: 'public' } });
    new Route(this, 'route-public-internet', { routeTableId: table.id, destinationCidrBlock: ANYWHERE, gatewayId: igw.id });
    publicSubnets.forEach((subnet, i) => {
      const az = this.availabilityZones[i]!;
      new RouteTableAssociation(this, `route-table-public-${az}`, { routeTableId: table.id, subnetId: subnet.id });
      if (natMode === 'per-az' || (natMode === 'single' && i === 0)) {
        const eip = new Eip(this, `nat-eip-${az}`, { domain: 'vpc', tags: { Name: `${this.node.path}/nat-${az}` } });
        natByAz.set(az, new NatGateway(this, `nat-${az}`, { allocationId: eip.allocationId, subnetId: subnet.id, tags: { Name: `${this.node.path}/nat-${az}` }, dependsOn: [igw] }));
      }
    });
    return natByAz;
  }

  /** One route table per AZ, so a per-AZ NAT keeps traffic in its zone. */
  private buildRoutedTier(tier: SubnetTier, tierSubnets: Subnet[], natByAz: Map<string, NatGateway>): RouteTable[] {
    const single = natByAz.size === 1 ? [...natByAz.values()][0] : undefined;
    return tierSubnets.map((subnet, i) => {
      const az = this.availabilityZones[i]!;
      const table = new RouteTable(this, `route-table-${tier}-${az}`, { vpcId: this.vpc.id, tags: { Name: `${this.node.path}/${tier}-${az}`, tier } });
      new RouteTableAssociation(this, `route-table-association-${tier}-${az}`, { routeTableId: table.id, subnetId: subnet.id });
      const nat = natByAz.get(az) ?? single;
      if (nat) new Route(this, `route-${tier}-${az}-nat`, { routeTableId: table.id, destinationCidrBlock: ANYWHERE, natGatewayId: nat.id });
      return table;
    });
  }

  /**
   * NACLs are a coarse second fence behind security groups. Being stateless,
   * they must admit return traffic on ephemeral ports from anywhere on the
   * routed tiers. That range is split around 3389 so RDP is never open from
   * the internet, even at the NACL layer; the isolated tier talks to the VPC only.
   */
  private buildNetworkAcls(vpcCidr: string, subnets: Record<SubnetTier, Subnet[]>): void {
    const fromVpc: NetworkAclIngress = { ruleNo: 100, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: vpcCidr };
    const returnTraffic: NetworkAclIngress[] = [
      { ruleNo: 200, action: 'allow', protocol: 'tcp', fromPort: 1024, toPort: 3388, cidrBlock: ANYWHERE },
      { ruleNo: 210, action: 'allow', protocol: 'tcp', fromPort: 3390, toPort: 65535, cidrBlock: ANYWHERE },
    ];
    const toAnywhere: NetworkAclEgress = { ruleNo: 100, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: ANYWHERE };
    const rules: Record<SubnetTier, { ingress: NetworkAclIngress[]; egress: NetworkAclEgress[] }> = {
      public: {
        ingress: [
          fromVpc,
          ...returnTraffic,
          { ruleNo: 300, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlock: ANYWHERE },
        ],
        egress: [toAnywhere],
      },
      private: { ingress: [fromVpc, ...returnTraffic], egress: [toAnywhere] },
      isolated: { ingress: [fromVpc], egress: [{ ...toAnywhere, cidrBlock: vpcCidr }] },
    };
    for (const tier of SUBNET_TIERS) {
      if (subnets[tier].length === 0) continue;
      new NetworkAcl(this, `network-acl-${tier}`, {
        vpcId: this.vpc.id,
        subnetIds: subnets[tier].map((s) => s.id),
        ingress: rules[tier].ingress,
        egress: rules[tier].egress,
        tags: { Name: `${this.node.path}/${tier}`, tier },
      });
    }
  }

  private buildEndpoints(region: string, props: SharedVpcProps, subnets: Record<SubnetTier, Subnet[]>): SecurityGroup {
    const sg = new SecurityGroup(this, 'endpoint-security-group', {
      name: `${this.node.id}-endpoints`,
      description: 'Interface endpoints: HTTPS from inside the VPC only',
      vpcId: this.vpc.id,
      tags: { Name: `${this.node.path}/endpoints` },
    });
    new VpcSecurityGroupIngressRule(this, 'endpoint-security-group-https', {
      securityGroupId: sg.id,
      description: 'HTTPS from the VPC',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: props.cidrBlock,
    });
    if (this.privateRouteTables.length > 0) {
      new VpcEndpoint(this, 'endpoint-s3', {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${region}.s3`,
        vpcEndpointType: 'Gateway',
        routeTableIds: this.privateRouteTables.map((t) => t.id),
        tags: { Name: `${this.node.path}/s3` },
      });
    }
    const endpointSubnets = subnets.private.length > 0 ? subnets.private : subnets.isolated;
    if (endpointSubnets.length === 0) return sg;
    for (const service of [...SSM_ENDPOINTS, ...(props.extraInterfaceEndpoints ?? [])]) {
      new VpcEndpoint(this, `endpoint-${service.replace(/\./g, '-')}`, {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${region}.${service}`,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: endpointSubnets.map((s) => s.id),
        securityGroupIds: [sg.id],
        tags: { Name: `${this.node.path}/${service}` },
      });
    }
    return sg;
  }

  private buildFlowLogs(
    opts: FlowLogOptions,
    env: { accountId: string; region: string },
    where: string,
  ): CloudwatchLogGroup | undefined {
    const trafficType = opts.trafficType ?? 'ALL';
    if (opts.destination === 's3') {
      if (!/^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]+/.test(opts.bucketArn ?? '')) {
        throw new TenantformError({ code: 'TF-VPC-006', where, problem: 'flowLogs.bucketArn must be an S3 bucket ARN.', value: opts.bucketArn, fix: 'pass "arn:aws:s3:::<bucket>" (optionally with "/<prefix>").' });
      }
      new FlowLog(this, 'flow-log', { vpcId: this.vpc.id, trafficType, logDestinationType: 's3', logDestination: opts.bucketArn });
      return undefined;
    }
    const retentionDays = opts.retentionDays ?? 365;
    if (!CLOUDWATCH_RETENTION_DAYS.includes(retentionDays)) {
      throw new TenantformError({ code: 'TF-VPC-006', where, problem: 'flowLogs.retentionDays is not a retention CloudWatch Logs offers.', value: retentionDays, fix: `use one of ${CLOUDWATCH_RETENTION_DAYS.join(', ')}.` });
    }
    const logGroupName = `/tenantform/vpc-flow-logs/${this.node.path.replace(/[^A-Za-z0-9_/.-]/g, '-')}`;
    const logGroupArn = `arn:aws:logs:${env.region}:${env.accountId}:log-group:${logGroupName}`;
    const kmsKeyArn = opts.kmsKeyArn ?? this.buildFlowLogKey(env, logGroupArn).arn;
    const group = new CloudwatchLogGroup(this, 'flow-log-group', { name: logGroupName, retentionInDays: retentionDays, kmsKeyId: kmsKeyArn });
    const role = new IamRole(this, 'flow-log-role', {
      namePrefix: 'vpc-flow-logs-',
      assumeRolePolicy: serviceTrustPolicy('vpc-flow-logs.amazonaws.com', env.accountId),
      permissionsBoundary: workloadBoundaryArn(env),
    });
    new IamRolePolicy(this, 'flow-log-role-policy', {
      role: role.id,
      policy: policyJson([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          Resource: [logGroupArn, `${logGroupArn}:*`],
        },
      ]),
    });
    new FlowLog(this, 'flow-log', { vpcId: this.vpc.id, trafficType, logDestinationType: 'cloud-watch-logs', logDestination: group.arn, iamRoleArn: role.arn });
    return group;
  }

  private buildFlowLogKey(env: { accountId: string; region: string }, logGroupArn: string): KmsKey {
    return customerManagedKey(this, {
      keyId: 'flow-log-key',
      aliasId: 'flow-log-key-alias',
      description: `VPC flow logs of ${this.node.path}`,
      alias: `tenantform/flow-logs/${this.node.path.replace(/[^A-Za-z0-9_/-]/g, '-')}`,
      partition: partitionOf(env.region),
      accountId: env.accountId,
      accountMayUse: false,
      statements: [
        {
          // CloudWatch Logs encrypts this one log group; the context condition stops other groups borrowing the key.
          Sid: 'LogsEncryptsFlowLogGroup',
          Effect: 'Allow',
          Principal: { Service: `logs.${env.region}.amazonaws.com` },
          Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
          Resource: '*',
          Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
        },
      ],
    }).key;
  }
}

const CLOUDWATCH_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

function resolveAzs(props: SharedVpcProps, region: string, where: string): string[] {
  if (props.availabilityZones !== undefined) {
    const azs = [...props.availabilityZones];
    const known = availabilityZonesOf(region);
    const bad = azs.find((az) => typeof az !== 'string' || !az.startsWith(region) || !/^[a-z]$/.test(az.slice(region.length)) || (known !== undefined && !known.includes(az)));
    if (azs.length === 0 || bad !== undefined || new Set(azs).size !== azs.length) {
      throw new TenantformError({
        code: 'TF-VPC-005',
        where,
        problem: `availabilityZones must be distinct AZ names in ${region}.`,
        value: azs,
        fix: `list names such as ${(known ?? [`${region}a`, `${region}b`]).slice(0, 2).map((az) => `"${az}"`).join(', ')}${known ? ` (this Region has ${known.join(', ')})` : ''}.`,
      });
    }
    return azs;
  }
  const count = props.azCount ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > 6) {
    throw new TenantformError({ code: 'TF-VPC-005', where, problem: 'azCount must be a whole number from 1 to 6.', value: count, fix: 'use 2 or 3 for most workloads, or list availabilityZones explicitly.' });
  }
  const zones = availabilityZonesOf(region);
  if (zones === undefined) {
    throw new TenantformError({
      code: 'TF-VPC-007',
      where,
      problem: `tenantform has no vetted list of availability zones for ${region}, so it cannot pick ${count} by default.`,
      value: region,
      fix: `list the zones your account sees in availabilityZones (aws ec2 describe-availability-zones --region ${region}).`,
    });
  }
  if (count > zones.length) {
    throw new TenantformError({
      code: 'TF-VPC-005',
      where,
      problem: `azCount is larger than the ${zones.length} availability zones ${region} has.`,
      value: count,
      fix: `use at most ${zones.length}, or list availabilityZones explicitly.`,
    });
  }
  return zones.slice(0, count);
}
