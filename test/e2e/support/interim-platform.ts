/**
 * Platform refs without a platform stack: the network comes from the network
 * stack, the rest are literal names in the environment's own account. The
 * tenant-stability tier uses them to apply tenant stacks against an emulator
 * without deploying the whole edge.
 */
import { Environment } from '../../../core/environment';
import { TenantPlatformRefs } from '../../../constructs/platform-refs';
import { NetworkStack } from '../../../stacks/network-stack';

/** The pool the interim refs pretend to have. */
export const INTERIM_ALB_COUNT = 2;

export function interimPlatformRefs(environment: Environment, network: NetworkStack): TenantPlatformRefs {
  const { accountId, region, name } = environment;
  const vpc = network.network;
  return {
    vpcId: vpc.vpc.id,
    vpcCidr: vpc.vpc.cidrBlock,
    privateSubnetIds: vpc.subnets.private.map((s) => s.id),
    isolatedSubnetIds: vpc.subnets.isolated.map((s) => s.id),
    endpointSecurityGroupId: vpc.endpointSecurityGroup.id,
    dataKmsKeyArn: `arn:aws:kms:${region}:${accountId}:alias/${name}-tenant-data`,
    logsKmsKeyArn: `arn:aws:kms:${region}:${accountId}:alias/${name}-logs`,
    albs: Array.from({ length: INTERIM_ALB_COUNT }, (_, index) => ({
      index,
      httpsListenerArn: `arn:aws:elasticloadbalancing:${region}:${accountId}:listener/app/${name}-tenants-${index}/0/0`,
      securityGroupId: `sg-${name}-alb-${index}`,
      dnsName: `internal-${name}-tenants-${index}.${region}.elb.amazonaws.com`,
    })),
    routingTierSecurityGroupId: `sg-${name}-routing`,
    restApiId: `${name}-api`,
    apiStageName: 'v1',
    domain: `${name}.example.app`,
  };
}
