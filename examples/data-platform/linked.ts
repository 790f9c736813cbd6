import { CrossAccountRole, Dataset, grantBucketRead } from 'tenantform/constructs';
import { App, TenantformStack } from 'tenantform/stacks';
import { DataPlatformConfig, PIVOT_ROLE_NAME } from './config';
import { linked } from './environments';

/**
 * A linked environment: the account a team's datasets live in. Its pivot
 * role trusts the deployment account under the external ID the platform
 * generated; each dataset gets a bucket and a key of its own.
 */
export class LinkedEnvironmentStack extends TenantformStack {
  public readonly pivotRole: CrossAccountRole;
  public readonly dataset: Dataset;

  constructor(scope: App, config: DataPlatformConfig) {
    super(scope, 'linked-environment', { environment: linked });
    this.pivotRole = new CrossAccountRole(this, 'pivot-role', {
      roleName: PIVOT_ROLE_NAME,
      trustedEnvironment: 'deployment',
      externalId: config.pivotExternalId,
      description: 'The data platform works in this environment (lists datasets, deploys their stacks)',
    });
    this.dataset = new Dataset(this, 'sales', { name: 'sales' });
    grantBucketRead(this.dataset.bucket, this.pivotRole.role, { id: 'read-sales-dataset' });
  }
}
