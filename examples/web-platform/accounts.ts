import { CiDeployRole, DEFAULT_DEPLOY_SERVICES, DeployService } from 'tenantform/constructs';
import { AccountBaselineStack, App, Environment, TenantformStack } from 'tenantform/stacks';

/** The GitHub repository whose workflow deploys the app (see .github/workflows/deploy.yml). */
export const GITHUB = { owner: 'innovate-inc', repository: 'web-platform' } as const;

/**
 * One baseline per workload account (audit trail, GuardDuty, Access Analyzer,
 * EBS encryption, the account public access block, the GitHub OIDC provider
 * and the CI role). No IAM users: people sign in through IAM Identity Center.
 * The development account's baseline is dev's; staging shares the account,
 * so it gets only its own CI role, trusting GitHub's `staging` environment
 * through the same OIDC provider.
 */
/** What the web stacks manage: the defaults plus EKS and AWS Backup (opt-in services of the deploy role). */
const SERVICES: readonly DeployService[] = [...DEFAULT_DEPLOY_SERVICES, 'eks', 'backup'];

export function addAccountBaselines(app: App, envs: { dev: Environment; staging: Environment; prod: Environment }): void {
  new AccountBaselineStack(app, 'dev-baseline', { environment: envs.dev, users: [], ciDeploy: { ...GITHUB, services: SERVICES } });
  new AccountBaselineStack(app, 'prod-baseline', { environment: envs.prod, users: [], ciDeploy: { ...GITHUB, services: SERVICES } });
  new StagingCiStack(app, envs.staging);
}

class StagingCiStack extends TenantformStack {
  constructor(scope: App, environment: Environment) {
    super(scope, `${environment.name}-ci`, { environment });
    new CiDeployRole(this, 'ci-deploy', {
      // dev-baseline's CI role in the same account is `ci-deploy`; IAM names are unique per account.
      name: `ci-deploy-${environment.name}`,
      // The development account's one GitHub provider, created by dev-baseline.
      oidcProviderArn: `arn:aws:iam::${environment.accountId}:oidc-provider/token.actions.githubusercontent.com`,
      github: { ...GITHUB },
      services: SERVICES,
    });
  }
}
