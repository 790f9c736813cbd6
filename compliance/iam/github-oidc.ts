/**
 * GitHub Actions OIDC trusts. Every workflow of every repository on GitHub can
 * get a token from token.actions.githubusercontent.com, so a role that trusts
 * the provider is open to all of them unless its conditions pin the audience
 * and the repository (the `sub` claim).
 */
import { PolicyStatement, PolicyValue } from '../policy';
import { StackModel } from '../types';
import { isUnknown } from '../values';
import { conditionEntries, isPlainOperator, parseOperator, Verdict, YES } from './conditions';
import { federatedPrincipals } from './principals';

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
/** The audience aws-actions/configure-aws-credentials requests; any other value is some other client's token. */
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

/** The issuer in a provider ARN: the host, plus the enterprise path of a customised GitHub issuer. */
const ISSUER_IN_ARN = /:oidc-provider\/(token\.actions\.githubusercontent\.com(?:\/[^/]+)?)$/i;

type Provider = { readonly kind: 'github'; readonly issuer: string } | { readonly kind: 'other' } | { readonly kind: 'unknown'; readonly reason: string };

/** Whether a federated principal is GitHub's OIDC provider, and its issuer (the prefix of its condition keys). */
function githubProvider(stack: StackModel, principal: PolicyValue): Provider {
  if (typeof principal === 'string') {
    const m = ISSUER_IN_ARN.exec(principal);
    return m ? { kind: 'github', issuer: m[1]!.toLowerCase() } : { kind: 'other' };
  }
  const providerRef = principal.refs.find((r) => r.startsWith('aws_iam_openid_connect_provider.'));
  const provider = providerRef === undefined ? undefined : stack.resources.get(providerRef.split('.').slice(0, 2).join('.'));
  if (provider === undefined) return { kind: 'unknown', reason: `federated principal ${principal.$unknown} cannot be resolved` };
  const url = provider.values.url;
  if (typeof url !== 'string' || url.includes('${')) return { kind: 'unknown', reason: `the URL of ${provider.address} cannot be resolved` };
  const issuer = url.toLowerCase().replace(/^https:\/\//, '').replace(/\/$/, '');
  return issuer.startsWith(GITHUB_OIDC_HOST) ? { kind: 'github', issuer } : { kind: 'other' };
}

/** Whether one `sub` pattern names one repository and a qualifier (ref, environment, …) under this operator. */
function subjectIsSpecific(operator: string, value: PolicyValue): Verdict {
  if (isUnknown(value)) return { kind: 'unknown', reason: `the sub value ${value.$unknown} cannot be resolved` };
  // StringEquals compares literally: a `*` there matches only a literal star, which no token carries.
  if (parseOperator(operator).base === 'StringEquals') return value.trim() === '' ? { kind: 'no', reason: 'the sub value is empty' } : YES;
  const m = /^repo:([^/:]+)\/([^/:]+):(.*)$/.exec(value);
  const wild = (s: string) => s.includes('*') || s.includes('?');
  if (m === null) return wild(value) ? { kind: 'no', reason: `sub ${JSON.stringify(value)} admits any repository` } : YES;
  const [, owner = '', repo = '', qualifier = ''] = m;
  if (wild(owner) || wild(repo)) return { kind: 'no', reason: `sub ${JSON.stringify(value)} admits any repository of ${wild(owner) ? 'any owner' : owner}` };
  const tail = /^(ref|environment):(.*)$/.exec(qualifier)?.[2] ?? qualifier;
  if (tail === '' || /^[*?]/.test(tail)) return { kind: 'no', reason: `sub ${JSON.stringify(value)} admits any ref or environment of ${owner}/${repo}` };
  return YES;
}


/**
 * Problems of a statement that trusts GitHub's provider: its `aud` must be
 * exactly sts.amazonaws.com (StringEquals), and some `sub` condition
 * (StringEquals, or StringLike whose owner, repository and qualifier kind are
 * literal) must name the workflows. `no` carries the first problem found.
 */
export function githubTrustVerdict(stack: StackModel, statement: PolicyStatement): Verdict | undefined {
  const providers = federatedPrincipals(statement).map((p) => githubProvider(stack, p));
  const github = providers.find((v): v is Extract<Provider, { kind: 'github' }> => v.kind === 'github');
  const unresolved = providers.find((v): v is Extract<Provider, { kind: 'unknown' }> => v.kind === 'unknown');
  if (github === undefined && unresolved === undefined) return undefined;
  if (isUnknown(statement.Condition)) return { kind: 'unknown', reason: `its condition cannot be resolved (${statement.Condition.$unknown})` };
  // The condition keys carry the issuer: token.actions.githubusercontent.com:sub, or …/<enterprise>:sub for a customised issuer.
  const issuer = github?.issuer ?? GITHUB_OIDC_HOST;
  const AUD = `${issuer}:aud`;
  const SUB = `${issuer}:sub`;
  const aud = conditionEntries(statement.Condition, AUD).filter(([op]) => isPlainOperator(op, 'StringEquals', 'StringLike'));
  const audVerdicts = aud.map(([, values]): Verdict => {
    if (values.length === 0) return { kind: 'no', reason: 'its aud condition is empty' };
    if (values.some(isUnknown)) return { kind: 'unknown', reason: 'its aud value cannot be resolved' };
    return values.every((v) => v === GITHUB_OIDC_AUDIENCE) ? YES : { kind: 'no', reason: `its aud ${JSON.stringify(values)} is not ${GITHUB_OIDC_AUDIENCE}` };
  });
  const audOk: Verdict =
    audVerdicts.find((v) => v.kind === 'yes') ?? audVerdicts.find((v) => v.kind === 'unknown') ?? audVerdicts[0] ?? { kind: 'no', reason: `it has no StringEquals ${AUD} = ${GITHUB_OIDC_AUDIENCE} condition` };
  const sub = conditionEntries(statement.Condition, SUB).filter(([op]) => isPlainOperator(op, 'StringEquals', 'StringLike'));
  const subVerdicts = sub.map(([op, values]): Verdict => {
    if (values.length === 0) return { kind: 'no', reason: 'its sub condition is empty' };
    const each = values.map((v) => subjectIsSpecific(op, v));
    return each.find((v) => v.kind === 'no') ?? each.find((v) => v.kind === 'unknown') ?? YES;
  });
  const subOk: Verdict =
    subVerdicts.find((v) => v.kind === 'yes') ?? subVerdicts.find((v) => v.kind === 'unknown') ?? subVerdicts[0] ?? { kind: 'no', reason: `it has no ${SUB} condition, so every repository on GitHub can assume the role` };
  const worst = [audOk, subOk].find((v) => v.kind === 'no') ?? [audOk, subOk].find((v) => v.kind === 'unknown');
  if (worst === undefined) return YES;
  return github !== undefined || worst.kind === 'unknown' ? worst : { kind: 'unknown', reason: `${unresolved!.reason}; if it is GitHub's provider, ${worst.reason}` };
}
