/**
 * The cross-account constructs (seed 003's pivot and deploy roles, external
 * ID, delivery pipeline and shared datasets) for the hostile-props tier. Each
 * is built in the environment whose trust edges it needs; a dataset is built
 * beside its consumer's stack, so the gate can confirm the consumer's posture.
 */
import { CrossAccountRole, ExternalIdSecret } from '../../../constructs/cross-account';
import { Dataset } from '../../../constructs/datasets';
import { DeliveryPipeline } from '../../../constructs/delivery';
import { App } from '../../../core/cdktf';
import { Environment } from '../../../core/environment';
import { TenantformStack } from '../../../stacks/tenantform-stack';
import { ConstructTestStack, EDGE_DEV } from '../../support/construct-fixtures';
import { newApp, testEnvironment } from '../../support/synth';
import type { StackCase } from './stack-cases';

class Stack extends TenantformStack {}

const state = (name: string) => ({ kind: 's3' as const, bucket: `acme-${name}-tfstate`, kmsKeyId: 'k' });
const TOOLING: Environment = testEnvironment({ name: 'tooling', accountId: '333333333333', posture: 'production', state: state('tooling') });
const ANALYTICS: Environment = testEnvironment({ name: 'analytics', accountId: '888888888888', posture: 'production', state: state('analytics') });
const DEPLOYMENT: Environment = testEnvironment({ name: 'deployment', accountId: '555555555555', posture: 'production', state: state('deployment'), trusts: [{ from: TOOLING, requires: 'role' }] });
const LINKED: Environment = testEnvironment({
  name: 'linked',
  accountId: '666666666666',
  posture: 'production',
  state: state('linked'),
  trusts: [{ from: DEPLOYMENT, requires: 'external-id' }, { from: ANALYTICS, requires: 'read-only' }],
});

function inStack(environment: Environment, make: (stack: TenantformStack) => void): App {
  const app = newApp();
  make(new Stack(app, 'construct-test', { environment }));
  return app;
}

export function crossAccountConstructCases(): StackCase[] {
  return [
    {
      name: 'CrossAccountRole (role edge)',
      props: () => ({ roleName: 'deploy-from-tooling', trustedEnvironment: 'tooling', trustedRoleNames: ['pipeline-build'], maxSessionDurationSeconds: 3600, description: 'The tooling pipeline deploys here' }),
      build: (props) => inStack(DEPLOYMENT, (s) => new CrossAccountRole(s, 'deploy-role', props as never)),
    },
    {
      name: 'CrossAccountRole (external-id edge)',
      props: () => ({ roleName: 'pivot-role', trustedEnvironment: 'deployment', externalId: 'b7c1c2d4-0000-4000-8000-123456789abc', description: 'The platform works in this environment' }),
      build: (props) => inStack(LINKED, (s) => new CrossAccountRole(s, 'pivot-role', props as never)),
    },
    {
      // Two props only: built beside the deploy role, as the deployment stack has them, so the case reaches enough paths.
      name: 'ExternalIdSecret',
      props: () => ({ secret: { name: 'pivot', kmsKeyArn: `arn:aws:kms:eu-west-1:${DEPLOYMENT.accountId}:key/app` }, role: { roleName: 'deploy-from-tooling', trustedEnvironment: 'tooling', trustedRoleNames: ['pipeline-build'] } }),
      build: (props) =>
        inStack(DEPLOYMENT, (s) => {
          const { secret, role } = props as { secret: never; role: never };
          new CrossAccountRole(s, 'deploy-role', role);
          new ExternalIdSecret(s, 'pivot-external-id', secret);
        }),
    },
    {
      name: 'DeliveryPipeline',
      props: () => ({
        name: 'platform',
        vpcId: 'vpc-0abc',
        subnetIds: ['subnet-0a', 'subnet-0b'],
        source: { connectionArn: `arn:aws:codestar-connections:eu-west-1:${EDGE_DEV.accountId}:connection/11111111-2222-3333-4444-555555555555`, repository: 'acme/data-platform', branch: 'main' },
        logsKmsKeyArn: `arn:aws:kms:eu-west-1:${EDGE_DEV.accountId}:key/logs`,
        deployTargets: [{ environment: 'deployment', roleArn: 'arn:aws:iam::555555555555:role/deploy-from-tooling' }],
        imageRepositories: ['api', 'worker'],
        privilegedBuildReason: 'docker build of the platform images needs the Docker daemon',
        packageUpstreams: ['pypi', 'npmjs'],
        logRetentionDays: 365,
      }),
      build: (props) => {
        const app = newApp();
        new DeliveryPipeline(new ConstructTestStack(app, 'construct-test', { environment: EDGE_DEV }), 'pipeline', props as never);
        return app;
      },
    },
    {
      name: 'Dataset',
      props: () => ({ name: 'sales', prefixShares: [{ environment: 'analytics', prefix: 'orders/2026/' }], tableShares: [{ environment: 'analytics', databaseName: 'sales', tableName: 'orders' }], noncurrentVersionDays: 30 }),
      build: (props) => {
        const app = newApp();
        new Stack(app, 'analytics-empty', { environment: ANALYTICS });
        new Dataset(new Stack(app, 'linked-data', { environment: LINKED }), 'sales', props as never);
        return app;
      },
    },
  ];
}
