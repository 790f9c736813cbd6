import * as path from 'path';
import { applyComplianceChecks } from 'tenantform/compliance';
import { App, Environment, TenantFleet } from 'tenantform/stacks';
import { dev, management, prod } from './environments';
import { addIdentity } from './identity';

/**
 * The reference deployment: a multi-tenant database service with prod and dev
 * in separate accounts. The fleet builds, per environment, `<env>-network`,
 * `<env>-platform` and one `<env>-tenant-<id>` per tenant of tenants.json,
 * and keeps tenants.lock.json (TENANTFORM_FROZEN_LOCK=1 in CI refuses to
 * rewrite it). The account policy lives in identity.ts.
 */
const app = new App();

/** Each environment pulls the database image from its own account's registry. */
const engines = (environment: Environment) => ({ 'ec2-ebs': { image: `${environment.accountId}.dkr.ecr.${environment.region}.amazonaws.com/aito/database:2024.06.1` } });

new TenantFleet(app, {
  tenants: path.join(__dirname, 'tenants.json'),
  lockFile: path.join(__dirname, 'tenants.lock.json'),
  environments: [
    { environment: prod, vpc: { cidrBlock: '10.10.0.0/16' }, domain: 'aito.app', platform: { kong: { minTasks: 3, maxTasks: 12 } }, engines: engines(prod) },
    { environment: dev, vpc: { cidrBlock: '10.20.0.0/16' }, domain: 'dev.aito.app', platform: { kong: { minTasks: 2, maxTasks: 4 } }, engines: engines(dev) },
  ],
});

addIdentity(app, { management, prod, dev });

// The same rules as `tenantform check`, at synth time: an unsuppressed failure stops `cdktf synth`.
applyComplianceChecks(app);
app.synth();
