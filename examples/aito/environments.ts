import { Environment } from 'tenantform/stacks';

/**
 * The two environments of the reference deployment, in separate accounts with
 * separate state buckets. TENANTFORM_LOCAL_STATE=1 switches to local state so
 * the example can be planned and applied against an emulator.
 */
const localState = process.env.TENANTFORM_LOCAL_STATE === '1';

export const prod: Environment = {
  name: 'prod',
  accountId: '111111111111',
  region: 'eu-west-1',
  additionalRegions: ['us-east-1'],
  tags: { project: 'aito' },
  state: localState
    ? { kind: 'local' }
    : { kind: 's3', bucket: 'aito-prod-tfstate', kmsKeyId: 'alias/aito-prod-tfstate' },
};

export const dev: Environment = {
  name: 'dev',
  accountId: '222222222222',
  region: 'eu-west-1',
  additionalRegions: ['us-east-1'],
  tags: { project: 'aito' },
  state: localState
    ? { kind: 'local' }
    : { kind: 's3', bucket: 'aito-dev-tfstate', kmsKeyId: 'alias/aito-dev-tfstate' },
};

/** The management account: the organization and its guardrails; no workloads. */
export const management: Environment = {
  name: 'management',
  accountId: '333333333333',
  region: 'eu-west-1',
  tags: { project: 'aito' },
  state: localState
    ? { kind: 'local' }
    : { kind: 's3', bucket: 'aito-management-tfstate', kmsKeyId: 'alias/aito-management-tfstate' },
};
