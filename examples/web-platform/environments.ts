import { Environment } from 'tenantform/stacks';

/**
 * Three accounts (source document 004): a development account holding dev
 * and staging, a production account holding production alone, and a
 * management / shared-services account for the image registry and the
 * organization-wide services. People come in through IAM Identity Center,
 * so the workload accounts declare no IAM users. TENANTFORM_LOCAL_STATE=1
 * switches to local state for the emulator tier.
 */
const localState = process.env.TENANTFORM_LOCAL_STATE === '1';
const state = (name: string) => (localState ? { kind: 'local' as const } : { kind: 's3' as const, bucket: `innovate-${name}-tfstate`, kmsKeyId: `alias/innovate-${name}-tfstate` });

/** The consistent tagging strategy, enforced by the gate on every taggable resource. */
const requiredTagKeys = ['environment', 'project', 'cost-center'];
const tags = (costCenter: string) => ({ project: 'innovate-web', 'cost-center': costCenter });

export const DEVELOPMENT_ACCOUNT = '444444444444';
export const PRODUCTION_ACCOUNT = '555555555555';
export const MANAGEMENT_ACCOUNT = '666666666666';

export const dev: Environment = {
  name: 'dev',
  accountId: DEVELOPMENT_ACCOUNT,
  region: 'eu-west-1',
  additionalRegions: ['us-east-1'],
  tags: tags('engineering'),
  sharesAccountWith: ['staging'],
  iamUsers: 'none',
  requiredTagKeys,
  state: state('dev'),
};

export const staging: Environment = {
  name: 'staging',
  accountId: DEVELOPMENT_ACCOUNT,
  region: 'eu-west-1',
  additionalRegions: ['us-east-1'],
  tags: tags('engineering'),
  sharesAccountWith: ['dev'],
  iamUsers: 'none',
  requiredTagKeys,
  state: state('staging'),
};

export const prod: Environment = {
  name: 'prod',
  accountId: PRODUCTION_ACCOUNT,
  region: 'eu-west-1',
  additionalRegions: ['us-east-1', 'eu-central-1'],
  tags: tags('operations'),
  iamUsers: 'none',
  requiredTagKeys,
  state: state('prod'),
};

/**
 * Shared services: the ECR repositories every workload account pulls from.
 * It holds no customer data, and its only edges are `image-pull`: the
 * workload accounts may pull images from it and do nothing else.
 */
export const shared: Environment = {
  name: 'shared',
  accountId: MANAGEMENT_ACCOUNT,
  region: 'eu-west-1',
  posture: 'production',
  holdsCustomerData: false,
  trusts: [dev, staging, prod].map((from) => ({ from, requires: 'image-pull' as const })),
  tags: tags('platform'),
  iamUsers: 'none',
  requiredTagKeys,
  state: state('shared'),
};
