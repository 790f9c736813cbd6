import { Placement, TenantPlatformRefs } from '../../constructs/platform-refs';
import { Environment } from '../../core/environment';
import { TenantformStack } from '../../stacks/tenantform-stack';
import { newApp } from './synth';

/** Literal platform refs, as a tenant stack sees them once the platform is deployed. */
export const PLATFORM: TenantPlatformRefs = {
  vpcId: 'vpc-0123456789abcdef0',
  vpcCidr: '10.10.0.0/16',
  privateSubnetIds: ['subnet-private-a', 'subnet-private-b', 'subnet-private-c'],
  isolatedSubnetIds: ['subnet-isolated-a', 'subnet-isolated-b', 'subnet-isolated-c'],
  endpointSecurityGroupId: 'sg-endpoints',
  dataKmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/data-key',
  logsKmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/logs-key',
  albs: [0, 1].map((index) => ({
    index,
    httpsListenerArn: `arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/alb-${index}/abc/def`,
    securityGroupId: `sg-alb-${index}`,
    dnsName: `internal-alb-${index}.eu-west-1.elb.amazonaws.com`,
  })),
  routingTierSecurityGroupId: 'sg-routing',
  restApiId: 'a1b2c3d4e5',
  apiStageName: 'v1',
  domain: 'aito.example',
};

export const IMAGE = '111111111111.dkr.ecr.eu-west-1.amazonaws.com/aito/database:1.4.2';

export function placementOf(id: string, alb = 0, priority = 1): Placement {
  return { id, alb, priority };
}

/** An empty stack in a fresh app, for constructs under test. */
export class HostStack extends TenantformStack {}

export function hostStack(environment: Environment, id = 'test'): HostStack {
  return new HostStack(newApp(), id, { environment });
}

/** The same literal refs, in another environment's account (reference guards refuse ARNs of a foreign account). */
export function platformIn(env: Environment): TenantPlatformRefs {
  const swap = (arn: string) => arn.replace(':111111111111:', `:${env.accountId}:`);
  return { ...PLATFORM, dataKmsKeyArn: swap(PLATFORM.dataKmsKeyArn), logsKmsKeyArn: swap(PLATFORM.logsKmsKeyArn), albs: PLATFORM.albs.map((a) => ({ ...a, httpsListenerArn: swap(a.httpsListenerArn) })) };
}
