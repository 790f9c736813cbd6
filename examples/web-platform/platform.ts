import { SharedRegistry } from 'tenantform/constructs';
import { App, Environment, TenantformStack } from 'tenantform/stacks';
import { addAccountBaselines } from './accounts';
import { dev, prod, shared, staging } from './environments';
import { ManagementStack } from './management';
import { WebStack } from './web-stack';

/** The node roles EksCluster names for cluster `<env>-web`: its managed node groups and Karpenter's nodes. */
const nodeRoles = (env: string) => [`${env}-web-nodes`, `${env}-web-karpenter-nodes`];

/**
 * The ECR repositories in the shared-services account; the dev, staging and
 * prod node roles pull. Those roles must exist before this stack is applied
 * (IAM refuses a policy naming a role that does not).
 */
class RegistryStack extends TenantformStack {
  constructor(scope: App, environment: Environment) {
    super(scope, `${environment.name}-registry`, { environment });
    new SharedRegistry(this, 'registry', {
      repositories: ['innovate/frontend', 'innovate/backend'],
      pullAccounts: {
        development: { accountId: dev.accountId, roleNames: ['dev', 'staging'].flatMap(nodeRoles) },
        production: { accountId: prod.accountId, roleNames: nodeRoles('prod') },
      },
    });
  }
}

/** Every stack of the platform (see the README for the table). */
export function buildWebPlatform(app: App): void {
  new RegistryStack(app, shared);
  new ManagementStack(app, shared);
  new WebStack(app, dev, { domain: 'dev.innovate.example', vpcCidr: '10.30.0.0/16', azCount: 2, frontendNodes: [1, 3], backendNodes: [1, 3] });
  new WebStack(app, staging, { domain: 'staging.innovate.example', vpcCidr: '10.31.0.0/16', azCount: 2, frontendNodes: [1, 3], backendNodes: [1, 3] });
  new WebStack(app, prod, {
    domain: 'innovate.example',
    vpcCidr: '10.40.0.0/16',
    azCount: 3,
    frontendNodes: [2, 10],
    backendNodes: [3, 20],
    readReplicas: 1,
    drVaultArn: `arn:aws:backup:eu-central-1:${prod.accountId}:backup-vault:innovate-prod-dr`,
  });
  addAccountBaselines(app, { dev, staging, prod });
}
