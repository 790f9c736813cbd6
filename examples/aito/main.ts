import { applyComplianceChecks } from 'tenantform/compliance';
import { App } from 'tenantform/stacks';
import { dev, management, prod } from './environments';
import { addIdentity } from './identity';
import { addNetwork } from './network';
import { addPlatform } from './platform';
import { addTenants, syncTenants } from './tenants';

/**
 * The reference deployment: a multi-tenant database service with prod and dev
 * in separate accounts. Stacks are named `<env>-<purpose>`; each concern has
 * its own file beside this one.
 */
const app = new App();
// Place new tenants before any stack reads the lock.
const tenants = syncTenants();

for (const [environment, cidrBlock] of [
  [prod, '10.10.0.0/16'],
  [dev, '10.20.0.0/16'],
] as const) {
  const network = addNetwork(app, environment, cidrBlock);
  const platform = addPlatform(app, environment, network, [...tenants.placements.values()]);
  addTenants(app, environment, platform.tenantRefs, tenants);
}

addIdentity(app, { management, prod, dev });

// The same rules as `tenantform check`, at synth time: an unsuppressed failure stops `cdktf synth`.
applyComplianceChecks(app);
app.synth();
