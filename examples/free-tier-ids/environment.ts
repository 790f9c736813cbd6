import { Environment } from 'tenantform/stacks';

/**
 * The system's single environment. TENANTFORM_LOCAL_STATE=1 switches to local
 * state for planning against an emulator.
 */
export function freeTierEnvironment(name: 'prod' = 'prod', accountId = '333333333333'): Environment {
  return {
    name,
    accountId,
    region: 'eu-west-3',
    tags: { project: 'free-tier-ids' },
    state:
      process.env.TENANTFORM_LOCAL_STATE === '1'
        ? { kind: 'local' }
        : { kind: 's3', bucket: `free-tier-ids-${name}-tfstate`, kmsKeyId: `alias/free-tier-ids-${name}-tfstate` },
  };
}
