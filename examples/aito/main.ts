import { App, NetworkStack } from 'tenantform/stacks';
import { dev, prod } from './environments';

/**
 * The reference deployment: a multi-tenant database service with prod and dev
 * in separate accounts. Stack names are `<env>-<purpose>`.
 */
const app = new App();

new NetworkStack(app, 'prod-network', { environment: prod, vpc: { cidrBlock: '10.10.0.0/16' } });
new NetworkStack(app, 'dev-network', { environment: dev, vpc: { cidrBlock: '10.20.0.0/16', azCount: 2 } });

app.synth();
