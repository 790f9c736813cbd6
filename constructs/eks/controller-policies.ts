import { IamRole } from '../../core/aws';
import { grant, grantUnscopableRead } from '../iam/grants';

/**
 * Read actions the two controllers call that AWS authorizes only on
 * `"Resource": "*"`, granted through the kit's one helper for such reads.
 */
export const UNSCOPABLE_CONTROLLER_READS = {
  karpenter: ['ec2:DescribeAvailabilityZones', 'ec2:DescribeImages', 'ec2:DescribeInstances', 'ec2:DescribeInstanceTypeOfferings', 'ec2:DescribeInstanceTypes', 'ec2:DescribeLaunchTemplates', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSpotPriceHistory', 'ec2:DescribeSubnets', 'pricing:GetProducts'],
  loadBalancerController: [
    'ec2:DescribeAccountAttributes', 'ec2:DescribeAddresses', 'ec2:DescribeAvailabilityZones', 'ec2:DescribeInternetGateways', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DescribeInstances', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeTags', 'ec2:DescribeRouteTables', 'ec2:GetCoipPoolUsage', 'ec2:DescribeCoipPools',
    'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeListenerCertificates', 'elasticloadbalancing:DescribeListenerAttributes', 'elasticloadbalancing:DescribeSSLPolicies', 'elasticloadbalancing:DescribeRules', 'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetGroupAttributes', 'elasticloadbalancing:DescribeTargetHealth', 'elasticloadbalancing:DescribeTags', 'elasticloadbalancing:DescribeTrustStores',
    'acm:ListCertificates', 'acm:DescribeCertificate', 'wafv2:GetWebACLForResource', 'shield:GetSubscriptionState',
  ],
} as const;

export interface ControllerContext {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** Literal cluster name (tag conditions need it at plan time). */
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly vpcId: string;
}

/**
 * Karpenter's controller (v1): launch and terminate only what it tags as this
 * cluster's, read the AMI parameters, pass only the Karpenter node role to
 * EC2, and manage only instance profiles tagged for this cluster.
 */
export function grantKarpenterController(role: IamRole, nodeRoleArn: string, c: ControllerContext): void {
  const ec2 = (type: string) => `arn:${c.partition}:ec2:${c.region}:${c.accountId}:${type}/*`;
  const owned = { [`aws:RequestTag/kubernetes.io/cluster/${c.clusterName}`]: 'owned' };
  const ownedResource = { [`aws:ResourceTag/kubernetes.io/cluster/${c.clusterName}`]: 'owned' };
  const launched = ['fleet', 'instance', 'volume', 'network-interface', 'launch-template', 'spot-instances-request'].map(ec2);
  grant(role, 'karpenter-controller', [
    { actions: ['ec2:RunInstances', 'ec2:CreateFleet'], resources: [`arn:${c.partition}:ec2:${c.region}::image/*`, `arn:${c.partition}:ec2:${c.region}::snapshot/*`, ec2('security-group'), ec2('subnet'), ec2('capacity-reservation')] },
    { actions: ['ec2:RunInstances', 'ec2:CreateFleet'], resources: [ec2('launch-template')], conditions: { StringEquals: ownedResource } },
    { actions: ['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'], resources: launched, conditions: { StringEquals: owned } },
    { actions: ['ec2:CreateTags'], resources: launched, conditions: { StringEquals: { ...owned, 'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'] } } },
    { actions: ['ec2:CreateTags'], resources: [ec2('instance')], conditions: { StringEquals: ownedResource } },
    { actions: ['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'], resources: [ec2('instance'), ec2('launch-template')], conditions: { StringEquals: ownedResource } },
    { actions: ['ssm:GetParameter'], resources: [`arn:${c.partition}:ssm:${c.region}::parameter/aws/service/*`] },
    { actions: ['iam:PassRole'], resources: [nodeRoleArn], conditions: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } },
    {
      actions: ['iam:CreateInstanceProfile', 'iam:TagInstanceProfile', 'iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile'],
      resources: [`arn:${c.partition}:iam::${c.accountId}:instance-profile/*`],
      conditions: { StringEquals: { [`aws:ResourceTag/kubernetes.io/cluster/${c.clusterName}`]: 'owned', 'aws:ResourceTag/topology.kubernetes.io/region': c.region } },
    },
    { actions: ['iam:GetInstanceProfile'], resources: [`arn:${c.partition}:iam::${c.accountId}:instance-profile/*`] },
    { actions: ['eks:DescribeCluster'], resources: [c.clusterArn] },
  ]);
  grantUnscopableRead(role, 'karpenter-controller-discovery', [...UNSCOPABLE_CONTROLLER_READS.karpenter]);
}

/**
 * The AWS Load Balancer Controller: create load balancers, target groups and
 * security groups only with this cluster's tag, and change or delete only
 * what carries it.
 */
export function grantLoadBalancerController(role: IamRole, c: ControllerContext): void {
  const elb = (type: string) => `arn:${c.partition}:elasticloadbalancing:${c.region}:${c.accountId}:${type}`;
  const sg = `arn:${c.partition}:ec2:${c.region}:${c.accountId}:security-group/*`;
  const clusterTag = 'elbv2.k8s.aws/cluster';
  const ours = { Null: { [`aws:ResourceTag/${clusterTag}`]: 'false' } };
  const created = { Null: { [`aws:RequestTag/${clusterTag}`]: 'false' } };
  const balancers = [elb('loadbalancer/app/*/*'), elb('loadbalancer/net/*/*'), elb('targetgroup/*/*')];
  const listeners = [elb('listener/app/*/*/*'), elb('listener/net/*/*/*'), elb('listener-rule/app/*/*/*/*'), elb('listener-rule/net/*/*/*/*')];
  grant(role, 'load-balancer-controller', [
    {
      actions: ['iam:CreateServiceLinkedRole'],
      resources: [`arn:${c.partition}:iam::${c.accountId}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`],
      conditions: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
    },
    { actions: ['ec2:CreateSecurityGroup'], resources: [`arn:${c.partition}:ec2:${c.region}:${c.accountId}:vpc/${c.vpcId}`] },
    { actions: ['ec2:CreateSecurityGroup'], resources: [sg], conditions: created },
    { actions: ['ec2:CreateTags'], resources: [sg], conditions: { StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' }, ...created } },
    { actions: ['ec2:CreateTags', 'ec2:DeleteTags', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:DeleteSecurityGroup'], resources: [sg], conditions: ours },
    { actions: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'], resources: balancers, conditions: created },
    { actions: ['elasticloadbalancing:AddTags'], resources: balancers, conditions: { StringEquals: { 'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer'] }, ...created } },
    {
      actions: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags', 'elasticloadbalancing:ModifyLoadBalancerAttributes', 'elasticloadbalancing:SetIpAddressType', 'elasticloadbalancing:SetSecurityGroups', 'elasticloadbalancing:SetSubnets', 'elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:ModifyTargetGroupAttributes', 'elasticloadbalancing:DeleteTargetGroup'],
      resources: balancers,
      conditions: ours,
    },
    { actions: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'], resources: [elb('targetgroup/*/*')] },
    {
      actions: ['elasticloadbalancing:CreateListener', 'elasticloadbalancing:DeleteListener', 'elasticloadbalancing:CreateRule', 'elasticloadbalancing:DeleteRule', 'elasticloadbalancing:ModifyListener', 'elasticloadbalancing:ModifyRule', 'elasticloadbalancing:AddListenerCertificates', 'elasticloadbalancing:RemoveListenerCertificates', 'elasticloadbalancing:SetWebAcl', 'elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
      resources: [...balancers.slice(0, 2), ...listeners],
    },
  ]);
  grantUnscopableRead(role, 'load-balancer-controller-discovery', [...UNSCOPABLE_CONTROLLER_READS.loadBalancerController]);
}
