import { App } from 'tenantform/stacks';
import { dev, prod } from './environments';
import { addNetwork } from './network';

/**
 * The reference deployment: a multi-tenant database service with prod and dev
 * in separate accounts. Stacks are named `<env>-<purpose>`; each concern has
 * its own file beside this one.
 */
const app = new App();

for (const [environment, cidrBlock] of [
  [prod, '10.10.0.0/16'],
  [dev, '10.20.0.0/16'],
] as const) {
  addNetwork(app, environment, cidrBlock);
}

app.synth();
