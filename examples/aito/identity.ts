import { HumanUser } from 'tenantform/constructs';
import { AccountBaselineStack, App, Environment, OrganizationStack } from 'tenantform/stacks';

/** The people of the reference deployment. Each is one IAM user per account they work in. */
const people: readonly HumanUser[] = [
  { name: 'ada.admin', groups: ['admins'], console: true },
  { name: 'pekka.power', groups: ['power-users'], console: true },
  { name: 'dana.dev', groups: ['developers'], console: true },
  { name: 'rita.reader', groups: ['read-only'], console: false },
];

/** Developers work in dev; production gets only the people who run it. */
const prodPeople = people.filter((p) => !p.groups.every((g) => g === 'developers'));

/**
 * Account policy: the organization in the management account (`management-organization`),
 * and one baseline per environment account (`<env>-baseline`).
 */
export function addIdentity(app: App, environments: { management: Environment; prod: Environment; dev: Environment }): {
  organization: OrganizationStack;
  baselines: AccountBaselineStack[];
} {
  const { management, prod, dev } = environments;
  const organization = new OrganizationStack(app, 'management-organization', {
    environment: management,
    accounts: [
      { name: 'prod', accountId: prod.accountId, organizationalUnit: 'production', environment: prod },
      { name: 'dev', accountId: dev.accountId, organizationalUnit: 'non-production', environment: dev },
    ],
  });
  const baseline = (environment: Environment, users: readonly HumanUser[]) =>
    new AccountBaselineStack(app, `${environment.name}-baseline`, {
      environment,
      users,
      // The prod role trusts only GitHub's "prod" environment, dev's only "dev".
      ciDeploy: { owner: 'aito-ai', repository: 'aito-infra' },
      auditTrail: { objectLockDays: 90 },
    });
  const baselines = [baseline(prod, prodPeople), baseline(dev, people)];
  return { organization, baselines };
}
