import { Category, Finding, Level } from '../types';
import { AccountFacts, UserFacts } from './facts';

/** The live-audit checks; IDs are TF-AUD-n so they never collide with the rules over Terraform JSON. */
export interface AuditCheckMeta {
  readonly id: string;
  readonly title: string;
  readonly category: Category;
  readonly level: Level;
  readonly remediation: string;
  /** The gate rule that checks the same thing in code, when there is one. */
  readonly codeRule?: string;
  readonly cis?: string;
}

/** The password baseline every account must meet (CIS AWS Foundations Benchmark v5.0.0 1.7-1.8, and the account policy). */
export const PASSWORD_BASELINE = { minimumLength: 14, reusePrevention: 24 } as const;
export const KEY_MAX_AGE_DAYS = 90;
export const KEY_MAX_IDLE_DAYS = 45;

export const AUDIT_CHECKS = {
  account: { id: 'TF-AUD-1', title: "Ensure the audited credentials belong to the environment's account", category: 'account-separation', level: 'error', remediation: 'run the audit with credentials of the environment\'s own account (profile or role); never audit one environment from another.' },
  rootMfa: { id: 'TF-AUD-2', title: 'Ensure the root user has MFA enabled', category: 'mfa', level: 'error', remediation: 'sign in as root once, enable a hardware or virtual MFA device, then lock the root credentials away.', cis: 'CIS AWS v5.0.0 1.4' },
  rootKeys: { id: 'TF-AUD-3', title: 'Ensure the root user has no access keys', category: 'mfa', level: 'error', remediation: 'delete the root access keys (IAM console, Security credentials of the root user); use roles for automation.', codeRule: 'TF-MFA-4', cis: 'CIS AWS v5.0.0 1.3' },
  userMfa: { id: 'TF-AUD-4', title: 'Ensure every IAM user with a console password has MFA', category: 'mfa', level: 'error', remediation: 'have the user enrol an MFA device, or remove the login profile; the force-MFA group policy (TF-MFA-1) denies everything until they do.', codeRule: 'TF-MFA-1', cis: 'CIS AWS v5.0.0 1.9' },
  passwordPolicy: { id: 'TF-AUD-5', title: `Ensure the password policy requires ${PASSWORD_BASELINE.minimumLength}+ characters, all character classes and prevents reuse of the last ${PASSWORD_BASELINE.reusePrevention}`, category: 'least-privilege', level: 'error', remediation: 'deploy the account baseline stack (its PasswordPolicy construct sets the baseline), or aws iam update-account-password-policy with the same values.', cis: 'CIS AWS v5.0.0 1.7, 1.8' },
  keyAge: { id: 'TF-AUD-6', title: `Ensure active access keys are rotated within ${KEY_MAX_AGE_DAYS} days`, category: 'least-privilege', level: 'error', remediation: 'rotate the key (create a new one, switch, delete the old), or better replace it with a role (CI uses OIDC roles).', cis: 'CIS AWS v5.0.0 1.13' },
  keyIdle: { id: 'TF-AUD-7', title: `Ensure no active access key is unused for ${KEY_MAX_IDLE_DAYS} days or more`, category: 'least-privilege', level: 'error', remediation: 'deactivate and delete keys nobody uses.', cis: 'CIS AWS v5.0.0 1.11' },
  userPolicies: { id: 'TF-AUD-8', title: 'Ensure no IAM user has policies attached directly or inline', category: 'least-privilege', level: 'error', remediation: 'grant permissions through groups or roles defined in code; detach the user policies.', codeRule: 'TF-LP-8', cis: 'CIS AWS v5.0.0 1.14' },
  organization: { id: 'TF-AUD-9', title: 'Ensure the account is a member of an AWS Organization', category: 'account-separation', level: 'warning', remediation: 'invite the account into the organization so its SCPs (deny leaving, deny root, region restriction) apply.' },
} as const satisfies Record<string, AuditCheckMeta>;

export interface AuditTarget {
  /** Environment name, used as the findings' `stack`. */
  readonly environment: string;
  readonly accountId: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function finding(meta: AuditCheckMeta, target: AuditTarget, address: string, failed: boolean, message: string, key?: string): Finding {
  return {
    ruleId: meta.id,
    title: meta.title,
    category: meta.category,
    level: meta.level,
    status: failed ? 'fail' : 'pass',
    stack: target.environment,
    address,
    message,
    remediation: meta.remediation,
    ...(key !== undefined ? { finding: key } : {}),
  };
}

/** Judges what was read from the account. Pure: the clock comes in as `now`. */
export function evaluateAccount(facts: AccountFacts, target: AuditTarget, now: Date): Finding[] {
  const C = AUDIT_CHECKS;
  const out: Finding[] = [];
  const sameAccount = facts.callerAccount === target.accountId;
  out.push(finding(C.account, target, 'account', !sameAccount, sameAccount ? `credentials belong to ${target.accountId}.` : `credentials (${facts.callerArn}) belong to account ${facts.callerAccount}, not ${target.environment}'s ${target.accountId}; nothing else was judged.`));
  // Reading another account and reporting on it as this environment would be worse than stopping.
  if (!sameAccount) return out;

  out.push(finding(C.rootMfa, target, 'root', !facts.rootMfaEnabled, facts.rootMfaEnabled ? 'the root user has MFA.' : 'the root user has no MFA device (AccountMFAEnabled = 0).'));
  out.push(finding(C.rootKeys, target, 'root', facts.rootAccessKeysPresent, facts.rootAccessKeysPresent ? 'the root user has access keys (AccountAccessKeysPresent = 1).' : 'the root user has no access keys.'));
  out.push(passwordPolicyFinding(facts, target));
  if (facts.organization !== undefined) {
    const org = facts.organization;
    out.push(finding(C.organization, target, 'account', !org.member, org.member ? `member of organization ${org.id ?? ''} (management account ${org.managementAccount ?? 'unknown'}).` : 'the account belongs to no organization, so no SCP protects it.'));
  }
  for (const user of facts.users) out.push(...userFindings(user, target, now));
  return out;
}

function passwordPolicyFinding(facts: AccountFacts, target: AuditTarget): Finding {
  const p = facts.passwordPolicy;
  const problems: string[] = [];
  if (p === undefined) problems.push('the account has no password policy');
  else {
    if ((p.minimumLength ?? 0) < PASSWORD_BASELINE.minimumLength) problems.push(`minimum length ${p.minimumLength ?? 'unset'} < ${PASSWORD_BASELINE.minimumLength}`);
    if ((p.reusePrevention ?? 0) < PASSWORD_BASELINE.reusePrevention) problems.push(`reuse prevention ${p.reusePrevention ?? 'unset'} < ${PASSWORD_BASELINE.reusePrevention}`);
    const classes: Array<[boolean | undefined, string]> = [[p.requireUppercase, 'uppercase'], [p.requireLowercase, 'lowercase'], [p.requireNumbers, 'numbers'], [p.requireSymbols, 'symbols']];
    const missing = classes.filter(([on]) => on !== true).map(([, name]) => name);
    if (missing.length > 0) problems.push(`does not require ${missing.join(', ')}`);
  }
  return finding(AUDIT_CHECKS.passwordPolicy, target, 'account', problems.length > 0, problems.length > 0 ? `password policy: ${problems.join('; ')}.` : 'the password policy meets the baseline.');
}

function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

function userFindings(user: UserFacts, target: AuditTarget, now: Date): Finding[] {
  const C = AUDIT_CHECKS;
  const out: Finding[] = [];
  if (user.consoleAccess) {
    out.push(finding(C.userMfa, target, user.arn, user.mfaDevices === 0, user.mfaDevices === 0 ? `${user.name} can sign in to the console without MFA.` : `${user.name} has ${user.mfaDevices} MFA device(s).`));
  }
  for (const key of user.accessKeys.filter((k) => k.status === 'Active')) {
    const age = key.createdAt === undefined ? undefined : daysBetween(key.createdAt, now);
    const tooOld = age === undefined || age > KEY_MAX_AGE_DAYS;
    out.push(finding(C.keyAge, target, user.arn, tooOld, age === undefined ? `${user.name}'s key ${key.id} has no creation date; treated as too old.` : `${user.name}'s key ${key.id} is ${age} day(s) old.`, `AccessKey::${key.id}`));
    const lastActivity = key.lastUsedAt ?? key.createdAt;
    const idle = lastActivity === undefined ? undefined : daysBetween(lastActivity, now);
    const tooIdle = idle === undefined || idle >= KEY_MAX_IDLE_DAYS;
    const used = key.lastUsedAt === undefined ? 'never used' : `last used ${idle} day(s) ago`;
    out.push(finding(C.keyIdle, target, user.arn, tooIdle, `${user.name}'s key ${key.id}: ${used}${key.lastUsedAt === undefined ? `, created ${idle ?? '?'} day(s) ago` : ''}.`, `AccessKey::${key.id}`));
  }
  const direct = [...user.attachedPolicies.map((p) => `attached ${p}`), ...user.inlinePolicies.map((p) => `inline ${p}`)];
  out.push(finding(C.userPolicies, target, user.arn, direct.length > 0, direct.length > 0 ? `${user.name} has policies of its own: ${direct.join(', ')}.` : `${user.name} has no policies of its own.`));
  return out;
}
