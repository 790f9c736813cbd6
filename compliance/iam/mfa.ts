/**
 * What makes an MFA condition safe, and what makes a Deny a force-MFA deny.
 *
 * The facts behind every choice here: requests signed with a long-term access
 * key carry no aws:MultiFactorAuthPresent (nor aws:MultiFactorAuthAge) key at
 * all. A condition that does not match an absent key therefore never fires
 * for access-key calls: in a Deny that fails open, in an Allow it is what
 * makes the Allow safe.
 */
import { PolicyDocument, PolicyStatement, PolicyValue } from '../policy';
import { isUnknown } from '../values';
import { actionMatches, isEveryAction } from './actions';
import { allConditionEntries, conditionEntries, parseOperator, Verdict, YES } from './conditions';

export const MFA_PRESENT_KEY = 'aws:MultiFactorAuthPresent';
export const MFA_AGE_KEY = 'aws:MultiFactorAuthAge';

/**
 * The only safe forms, by effect and key. Any other operator on an MFA key
 * (Bool false in a Deny, BoolIfExists true in an Allow, StringEquals, Null,
 * ForAnyValue:/ForAllValues: forms, …) is reported.
 */
const SAFE_MFA_FORMS: Readonly<Record<'Allow' | 'Deny', Readonly<Record<string, { readonly operators: readonly string[]; readonly value: (v: string) => boolean; readonly shape: string }>>>> = {
  Deny: {
    [MFA_PRESENT_KEY.toLowerCase()]: { operators: ['BoolIfExists'], value: (v) => v.toLowerCase() === 'false', shape: 'BoolIfExists aws:MultiFactorAuthPresent "false"' },
    [MFA_AGE_KEY.toLowerCase()]: { operators: ['NumericGreaterThanIfExists', 'NumericGreaterThanEqualsIfExists'], value: (v) => /^\d+$/.test(v), shape: 'NumericGreaterThanIfExists aws:MultiFactorAuthAge <seconds>' },
  },
  Allow: {
    [MFA_PRESENT_KEY.toLowerCase()]: { operators: ['Bool'], value: (v) => v.toLowerCase() === 'true', shape: 'Bool aws:MultiFactorAuthPresent "true"' },
    [MFA_AGE_KEY.toLowerCase()]: { operators: ['NumericLessThan', 'NumericLessThanEquals'], value: (v) => /^\d+$/.test(v), shape: 'NumericLessThan aws:MultiFactorAuthAge <seconds>' },
  },
};

/** A problem with one MFA condition entry, keyed for suppression-free reporting. */
export interface MfaConditionProblem {
  readonly status: 'fail' | 'unknown';
  readonly message: string;
  readonly finding: string;
}

/** Every MFA condition entry of a statement that is not one of the safe forms. */
export function mfaConditionProblems(statement: PolicyStatement, where: string): MfaConditionProblem[] {
  const c = statement.Condition;
  if (isUnknown(c)) return [{ status: 'unknown', message: `${where} has a condition that cannot be resolved (${c.$unknown}), so its MFA test is unknown.`, finding: 'Condition::unresolved' }];
  const out: MfaConditionProblem[] = [];
  for (const [operator, key, values] of allConditionEntries(c)) {
    const k = key.toLowerCase();
    if (k !== MFA_PRESENT_KEY.toLowerCase() && k !== MFA_AGE_KEY.toLowerCase()) continue;
    if (isUnknown(statement.Effect)) {
      out.push({ status: 'unknown', message: `${where} tests ${key} but its effect cannot be resolved.`, finding: `Condition::${operator}` });
      continue;
    }
    const safe = SAFE_MFA_FORMS[statement.Effect][k]!;
    const unresolved = values.find(isUnknown);
    if (safe.operators.includes(operator) && unresolved !== undefined) {
      out.push({ status: 'unknown', message: `${where} tests ${key} against ${unresolved.$unknown}, which cannot be resolved.`, finding: `Condition::${operator}` });
      continue;
    }
    const literals = values.filter((v): v is string => typeof v === 'string');
    if (safe.operators.includes(operator) && literals.length > 0 && literals.every(safe.value)) continue;
    out.push({
      status: 'fail',
      message: `${where} (${statement.Effect}) tests ${operator} ${key} ${JSON.stringify(literals)}: ${whyUnsafe(statement.Effect, operator)} The only safe form in ${statement.Effect === 'Deny' ? 'a Deny' : 'an Allow'} is ${safe.shape}.`,
      finding: `Condition::${operator}:${literals.join(',')}`,
    });
  }
  return out;
}

function whyUnsafe(effect: 'Allow' | 'Deny', operator: string): string {
  const op = parseOperator(operator);
  if (effect === 'Deny' && !op.ifExists) return 'it never matches access-key calls, which carry no MFA key, so the Deny fails open for them.';
  if (effect === 'Allow' && (op.ifExists || op.set === 'ForAllValues')) return 'it also matches calls without any MFA key, so the Allow admits access-key calls.';
  return 'the gate does not read this form as enforcing MFA.';
}

/**
 * An Allow that only matches MFA sessions: `Bool aws:MultiFactorAuthPresent
 * "true"`, or a `NumericLessThan(Equals) aws:MultiFactorAuthAge` bound, with
 * literal values. Both fail to match when the key is absent, which is what
 * makes them safe.
 */
export function allowRequiresMfa(statement: PolicyStatement): boolean {
  const safe = SAFE_MFA_FORMS.Allow;
  const holds = (key: string) => {
    const form = safe[key.toLowerCase()]!;
    return conditionEntries(statement.Condition, key).some(([op, values]) => form.operators.includes(op) && values.length > 0 && values.every((v) => typeof v === 'string' && form.value(v)));
  };
  return holds(MFA_PRESENT_KEY) || holds(MFA_AGE_KEY);
}

/**
 * What a user must be able to do before signing in with MFA, and nothing
 * more: see their user and the password policy, change the password they were
 * given, and create, enable and resync their own virtual device. These are the
 * only NotAction entries a force-MFA deny may leave open.
 */
export const MFA_ENROLMENT_ACTIONS: readonly string[] = [
  'iam:ChangePassword',
  'iam:GetAccountPasswordPolicy',
  'iam:GetUser',
  'iam:GetLoginProfile',
  'iam:GetMFADevice',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'iam:ListUsers',
  'sts:GetSessionToken',
];

/**
 * IAM and STS actions that, left open without MFA, let a password-only or
 * key-only caller get around the deny: new keys or logins, group and policy
 * changes, role assumption, removing someone's device. A wildcard NotAction
 * entry that matches any of them is an escape hatch.
 */
export const FORCE_MFA_ESCAPE_ACTIONS: readonly string[] = [
  'iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:DeleteLoginProfile',
  'iam:CreateServiceSpecificCredential', 'iam:UploadSSHPublicKey', 'iam:UploadSigningCertificate',
  'iam:AddUserToGroup', 'iam:RemoveUserFromGroup', 'iam:CreateUser', 'iam:DeleteUser',
  'iam:AttachUserPolicy', 'iam:DetachUserPolicy', 'iam:PutUserPolicy', 'iam:DeleteUserPolicy',
  'iam:AttachGroupPolicy', 'iam:DetachGroupPolicy', 'iam:PutGroupPolicy', 'iam:DeleteGroupPolicy',
  'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:PassRole',
  'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion',
  'iam:DeactivateMFADevice', 'iam:DeleteVirtualMFADevice',
  'sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:GetFederationToken',
];

const ENROLMENT = new Set(MFA_ENROLMENT_ACTIONS.map((a) => a.toLowerCase()));

/** Whether one NotAction entry of a force-MFA deny stays within enrolment. */
function exemptionVerdict(entry: PolicyValue): Verdict {
  if (isUnknown(entry)) return { kind: 'unknown', reason: `NotAction entry ${entry.$unknown} cannot be resolved` };
  const a = entry.toLowerCase();
  if (!a.includes('*') && !a.includes('?')) return ENROLMENT.has(a) ? YES : { kind: 'no', reason: `NotAction exempts ${entry}, which enrolling an MFA device does not need` };
  const service = a.split(':')[0] ?? '';
  if (service !== 'iam' && service !== 'sts') return { kind: 'no', reason: `NotAction exempts ${entry}, every matching action of ${service === '' || service.includes('*') ? 'every service' : service}` };
  const escape = FORCE_MFA_ESCAPE_ACTIONS.find((e) => actionMatches(entry, e));
  if (escape !== undefined) return { kind: 'no', reason: `NotAction entry ${entry} exempts ${escape}, an escape hatch` };
  return { kind: 'unknown', reason: `NotAction entry ${entry} is a wildcard; the gate cannot tell every action it exempts` };
}

/** Whether one statement is a force-MFA deny; `no` carries why not. */
function forceMfaStatement(s: PolicyStatement): Verdict {
  if (isUnknown(s.Effect)) return { kind: 'unknown', reason: `the effect ${s.Effect.$unknown} cannot be resolved` };
  if (s.Effect !== 'Deny') return { kind: 'no', reason: 'it is not a Deny' };
  if (isUnknown(s.Condition)) return { kind: 'unknown', reason: `its condition cannot be resolved (${s.Condition.$unknown})` };
  const entries = allConditionEntries(s.Condition);
  const mfa = entries.filter(([, key]) => key.toLowerCase() === MFA_PRESENT_KEY.toLowerCase());
  if (mfa.length === 0) return { kind: 'no', reason: 'it does not test aws:MultiFactorAuthPresent' };
  const problems = mfaConditionProblems(s, 'the deny');
  if (problems.some((p) => p.status === 'fail')) return { kind: 'no', reason: problems.find((p) => p.status === 'fail')!.message };
  if (problems.length > 0) return { kind: 'unknown', reason: problems[0]!.message };
  // Conditions are ANDed: any other key narrows the deny (to a region, a tag, a network…) and leaves the rest open.
  const extra = entries.filter(([, key]) => key.toLowerCase() !== MFA_PRESENT_KEY.toLowerCase());
  if (extra.length > 0) return { kind: 'no', reason: `an extra condition (${extra.map(([op, key]) => `${op} ${key}`).join(', ')}) narrows the deny` };
  if (s.NotResource !== undefined) return { kind: 'no', reason: 'its NotResource leaves the listed resources open without MFA' };
  if (!s.Resource.includes('*')) {
    return s.Resource.some(isUnknown) ? { kind: 'unknown', reason: 'its resources cannot be resolved' } : { kind: 'no', reason: `it covers only ${s.Resource.map(String).join(', ')}, not "*"` };
  }
  if (s.NotAction === undefined) {
    if (s.Action.some((a) => typeof a === 'string' && isEveryAction(a))) return YES;
    return s.Action.some(isUnknown) ? { kind: 'unknown', reason: 'its actions cannot be resolved' } : { kind: 'no', reason: 'it denies only some actions, not "*"' };
  }
  const verdicts = s.NotAction.map(exemptionVerdict);
  return verdicts.find((v) => v.kind === 'no') ?? verdicts.find((v) => v.kind === 'unknown') ?? YES;
}

/**
 * Whether a policy holds a force-MFA deny: a Deny on every resource of every
 * action (or every action but MFA_ENROLMENT_ACTIONS) whose only condition is
 * `BoolIfExists aws:MultiFactorAuthPresent "false"`. `no` and `unknown` carry
 * the reason of the closest candidate.
 */
export function forceMfaVerdict(document: PolicyDocument): Verdict {
  const verdicts = document.statements.map(forceMfaStatement);
  if (verdicts.some((v) => v.kind === 'yes')) return YES;
  const candidate = verdicts.find((v) => v.kind === 'unknown') ?? verdicts.find((v) => v.kind === 'no' && v.reason !== 'it is not a Deny' && v.reason !== 'it does not test aws:MultiFactorAuthPresent');
  return candidate ?? { kind: 'no', reason: 'it has no Deny that tests aws:MultiFactorAuthPresent' };
}
