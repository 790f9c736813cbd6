import { Environment } from 'tenantform/stacks';

/**
 * The data platform's three accounts (source document 003): tooling runs
 * CI/CD, deployment runs the platform, and one linked environment holds
 * datasets. All three are production: the pipeline that deploys production
 * and the accounts that hold the data are as critical as the platform, and
 * production never trusts non-production. The edges say who may assume
 * roles where: the tooling pipeline's build role into deployment (a named
 * role), the deployment account into the linked pivot role (an external ID).
 * TENANTFORM_LOCAL_STATE=1 switches to local state for the emulator tier.
 */
const localState = process.env.TENANTFORM_LOCAL_STATE === '1';
const state = (name: string) => (localState ? { kind: 'local' as const } : { kind: 's3' as const, bucket: `acme-data-${name}-tfstate`, kmsKeyId: `alias/acme-data-${name}-tfstate` });

export const TOOLING_ACCOUNT = '710000000001';
export const DEPLOYMENT_ACCOUNT = '710000000002';
export const LINKED_ACCOUNT = '710000000003';

const common = { region: 'eu-west-1', posture: 'production' as const, tags: { project: 'data-platform' } };

export const tooling: Environment = { ...common, name: 'tooling', accountId: TOOLING_ACCOUNT, state: state('tooling') };

export const deployment: Environment = {
  ...common,
  name: 'deployment',
  accountId: DEPLOYMENT_ACCOUNT,
  // CloudFront's certificates and web ACLs live in us-east-1.
  additionalRegions: ['us-east-1'],
  trusts: [{ from: tooling, requires: 'role' }],
  state: state('deployment'),
};

export const linked: Environment = {
  ...common,
  name: 'linked',
  accountId: LINKED_ACCOUNT,
  trusts: [{ from: deployment, requires: 'external-id' }],
  state: state('linked'),
};
