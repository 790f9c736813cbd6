/**
 * The resources of one default SharedVpc (3 AZs, NAT per AZ, flow logs to
 * KMS-encrypted CloudWatch Logs), written with raw cdktf and literal values:
 * the baseline tenantform's network synth is measured against.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DefaultNetworkAcl } from '@cdktf/provider-aws/lib/default-network-acl';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { App, S3Backend, TerraformOutput, TerraformStack } from '../../core/cdktf';

const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const CIDRS: Record<string, string[]> = {
  public: ['10.0.64.0/24', '10.0.65.0/24', '10.0.66.0/24'],
  private: ['10.0.0.0/20', '10.0.16.0/20', '10.0.32.0/20'],
  isolated: ['10.0.68.0/24', '10.0.69.0/24', '10.0.70.0/24'],
};

export function rawNetworkStack(app: App, id: string): TerraformStack {
  const s = new TerraformStack(app, id);
  new AwsProvider(s, 'aws', { region: 'eu-west-1', allowedAccountIds: ['111111111111'], defaultTags: [{ tags: { environment: 'prod' } }] });
  new S3Backend(s, { bucket: 'b', key: `${id}.tfstate`, region: 'eu-west-1', encrypt: true, kmsKeyId: 'alias/k' });
  const vpc = new Vpc(s, 'vpc', { cidrBlock: '10.0.0.0/16', enableDnsHostnames: true, enableDnsSupport: true });
  new DefaultSecurityGroup(s, 'dsg', { vpcId: vpc.id, ingress: [], egress: [] });
  new DefaultNetworkAcl(s, 'dnacl', { defaultNetworkAclId: vpc.defaultNetworkAclId, ingress: [], egress: [] });
  const subnets: Record<string, Subnet[]> = {};
  for (const tier of Object.keys(CIDRS)) {
    subnets[tier] = AZS.map((az, i) => new Subnet(s, `${tier}-${az}`, { vpcId: vpc.id, cidrBlock: CIDRS[tier]![i]!, availabilityZone: az, mapPublicIpOnLaunch: false, tags: { tier } }));
    new NetworkAcl(s, `nacl-${tier}`, {
      vpcId: vpc.id,
      subnetIds: subnets[tier]!.map((x) => x.id),
      ingress: [{ ruleNo: 100, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: '10.0.0.0/16' }],
      egress: [{ ruleNo: 100, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: '0.0.0.0/0' }],
    });
  }
  const igw = new InternetGateway(s, 'igw', { vpcId: vpc.id });
  const pub = new RouteTable(s, 'rt-public', { vpcId: vpc.id });
  new Route(s, 'r-public', { routeTableId: pub.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
  const tables: RouteTable[] = [];
  AZS.forEach((az, i) => {
    new RouteTableAssociation(s, `rta-public-${az}`, { routeTableId: pub.id, subnetId: subnets.public![i]!.id });
    const eip = new Eip(s, `eip-${az}`, { domain: 'vpc' });
    const nat = new NatGateway(s, `nat-${az}`, { allocationId: eip.allocationId, subnetId: subnets.public![i]!.id });
    for (const tier of ['private', 'isolated']) {
      const rt = new RouteTable(s, `rt-${tier}-${az}`, { vpcId: vpc.id });
      new RouteTableAssociation(s, `rta-${tier}-${az}`, { routeTableId: rt.id, subnetId: subnets[tier]![i]!.id });
      if (tier === 'private') new Route(s, `r-${az}`, { routeTableId: rt.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
      tables.push(rt);
    }
  });
  const sg = new SecurityGroup(s, 'endpoints', { name: 'endpoints', description: 'endpoints', vpcId: vpc.id });
  new VpcSecurityGroupIngressRule(s, 'endpoints-https', { securityGroupId: sg.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '10.0.0.0/16' });
  new VpcEndpoint(s, 'ep-s3', { vpcId: vpc.id, serviceName: 'com.amazonaws.eu-west-1.s3', vpcEndpointType: 'Gateway', routeTableIds: tables.map((t) => t.id) });
  for (const svc of ['ssm', 'ssmmessages', 'ec2messages']) {
    new VpcEndpoint(s, `ep-${svc}`, { vpcId: vpc.id, serviceName: `com.amazonaws.eu-west-1.${svc}`, vpcEndpointType: 'Interface', privateDnsEnabled: true, subnetIds: subnets.private!.map((x) => x.id), securityGroupIds: [sg.id] });
  }
  const key = new KmsKey(s, 'key', { enableKeyRotation: true, deletionWindowInDays: 30, policy: '{"Version":"2012-10-17","Statement":[]}' });
  new KmsAlias(s, 'alias', { name: `alias/${id}`, targetKeyId: key.keyId });
  const group = new CloudwatchLogGroup(s, 'logs', { name: `/flow/${id}`, retentionInDays: 365, kmsKeyId: key.arn });
  const role = new IamRole(s, 'role', { namePrefix: 'flow-', assumeRolePolicy: '{"Version":"2012-10-17","Statement":[]}' });
  new IamRolePolicy(s, 'role-policy', { role: role.id, policy: '{"Version":"2012-10-17","Statement":[]}' });
  new FlowLog(s, 'flow', { vpcId: vpc.id, trafficType: 'ALL', logDestinationType: 'cloud-watch-logs', logDestination: group.arn, iamRoleArn: role.arn });
  new TerraformOutput(s, 'vpc_id', { value: vpc.id });
  for (const tier of Object.keys(CIDRS)) new TerraformOutput(s, `${tier}_subnet_ids`, { value: subnets[tier]!.map((x) => x.id) });
  return s;
}
