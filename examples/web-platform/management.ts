import { CostControls, IdentityCenterAccess, SecurityServices } from 'tenantform/constructs';
import { App, Environment, TenantformStack } from 'tenantform/stacks';
import { DEVELOPMENT_ACCOUNT, PRODUCTION_ACCOUNT } from './environments';

/** Identity Store groups (IDs from the Identity Center console). */
const GROUPS = { developers: '9067b4a1f8-2a1b3c4d-1111-2222-3333-444455556666', operators: '9067b4a1f8-5e6f7a8b-1111-2222-3333-444455556666' } as const;

/**
 * The management / shared-services account's organization-wide services:
 * people's access through IAM Identity Center (no IAM users anywhere),
 * GuardDuty, Inspector and Security Hub, the organization trail into the log
 * archive, and the cost controls with the tag policy of the tagging strategy.
 */
export class ManagementStack extends TenantformStack {
  constructor(scope: App, environment: Environment) {
    super(scope, `${environment.name}-management`, { environment });
    new IdentityCenterAccess(this, 'identity-center', {
      instanceArn: 'arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6',
      permissionSets: {
        Developers: {
          description: 'Build and operate dev and staging',
          sessionDurationHours: 4,
          managedPolicies: ['job-function/ViewOnlyAccess'],
          inlinePolicy: [{ Sid: 'UseTheClusters', Effect: 'Allow', Action: ['eks:DescribeCluster', 'eks:ListClusters', 'eks:AccessKubernetesApi'], Resource: 'arn:aws:eks:eu-west-1:*:cluster/*-web' }],
        },
        ReadOnly: { description: 'Look at production, change nothing', sessionDurationHours: 1, managedPolicies: ['ReadOnlyAccess'] },
      },
      assignments: {
        developers: { permissionSet: 'Developers', groupId: GROUPS.developers, accountIds: [DEVELOPMENT_ACCOUNT] },
        'developers-prod': { permissionSet: 'ReadOnly', groupId: GROUPS.developers, accountIds: [PRODUCTION_ACCOUNT] },
        operators: { permissionSet: 'ReadOnly', groupId: GROUPS.operators, accountIds: [DEVELOPMENT_ACCOUNT, PRODUCTION_ACCOUNT] },
      },
    });
    new SecurityServices(this, 'security', { organizationTrail: { organizationId: 'o-innovate01', retentionDays: 730, objectLockDays: 365 } });
    new CostControls(this, 'cost', {
      budgets: { development: { monthlyLimitUsd: 3000 }, production: { monthlyLimitUsd: 10000, actualThresholdsPercent: [50, 80, 100] } },
      alertEmails: ['finops@innovate.example'],
      costAllocationTagKeys: ['project', 'cost-center', 'environment'],
      costExport: { bucketName: 'innovate-log-archive' },
      tagPolicy: { tags: { project: ['innovate-web'], 'cost-center': ['engineering', 'operations', 'platform'], environment: ['dev', 'staging', 'prod', 'shared'] }, targetIds: ['r-in01'] },
    });
  }
}
