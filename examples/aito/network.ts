import { App, Environment, NetworkStack } from 'tenantform/stacks';

/** The network stack of one environment: `<env>-network`. */
export function addNetwork(app: App, environment: Environment, cidrBlock: string): NetworkStack {
  return new NetworkStack(app, `${environment.name}-network`, {
    environment,
    vpc: { cidrBlock },
  });
}
