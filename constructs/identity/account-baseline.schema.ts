import type { AwsProvider } from '../../core/aws';
import type { Environment } from '../../core/environment';
import { TenantformError } from '../../core/errors';
import { bool, construct, dict, int, known, list, opt, Schema, str, strict, v } from '../../core/validation';
import type { AccountBaselineProps, CiDeployOptions } from './account-baseline';
import { AuditTrailPropsSchema } from './audit-trail.schema';
import { PasswordPolicyPropsSchema } from './password-policy.schema';
import { SessionManagerPropsSchema } from './session-manager.schema';
import type { DeployService } from './deploy-permissions';
import type { HumanGroupName } from './groups';
import type { HumanUser } from './users';

export const HumanUserSchema = strict({ name: str(), groups: list(known<HumanGroupName>()), console: bool(), pgpKey: opt(str()) });

export const accountBaselineEntries = {
  // Each user is checked by HumanUsers (TF-IAM-020..024, then every key); here only the list's shape.
  users: list(v.record(str(), v.unknown())) as unknown as v.GenericSchema<unknown, HumanUser[]>,
  passwordPolicy: opt(PasswordPolicyPropsSchema),
  maxMfaAgeSeconds: opt(int()),
  developersMayOperate: opt(bool()),
  ciDeploy: opt(
    strict({
      owner: str(),
      repository: str(),
      environment: opt(str()),
      forEnvironment: opt(str()),
      services: opt(list(known<DeployService>())),
    }),
  ),
  auditTrail: opt(AuditTrailPropsSchema),
  awsConfig: opt(bool()),
  sessionManager: opt(SessionManagerPropsSchema),
  regionalProviders: opt(dict(construct<AwsProvider>())),
};

export const AccountBaselinePropsSchema = strict(accountBaselineEntries) satisfies Schema<AccountBaselineProps>;

/**
 * A CI trust names the GitHub environment whose jobs may deploy. One named
 * unlike the stack's environment (a prod baseline trusting `dev`) is refused
 * unless `forEnvironment` maps it to this environment explicitly.
 */
export function guardCiEnvironment(ci: CiDeployOptions | undefined, env: Environment, where: string): void {
  if (ci === undefined) return;
  const githubEnvironment = ci.environment ?? env.name;
  if (ci.forEnvironment !== undefined && ci.forEnvironment !== env.name) {
    throw new TenantformError({
      code: 'TF-PRP-013',
      where,
      problem: `ciDeploy.forEnvironment maps the GitHub environment to "${ci.forEnvironment}", but this baseline is for "${env.name}".`,
      value: { environment: ci.environment, forEnvironment: ci.forEnvironment },
      fix: `use the GitHub environment that deploys "${env.name}", and set forEnvironment: "${env.name}" (or leave it out when the names match).`,
    });
  }
  if (githubEnvironment !== env.name && ci.forEnvironment !== env.name) {
    throw new TenantformError({
      code: 'TF-PRP-013',
      where,
      problem: `ciDeploy trusts GitHub environment "${githubEnvironment}", which is not this stack's environment "${env.name}".`,
      value: { environment: ci.environment },
      fix: `trust the GitHub environment "${env.name}"; if yours is named differently, map it explicitly with forEnvironment: "${env.name}".`,
    });
  }
}
