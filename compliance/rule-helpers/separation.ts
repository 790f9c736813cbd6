/**
 * What the account-separation rules know about a run: which environment each
 * account, state bucket and S3 bucket belongs to (read from every stack of
 * the run, `CheckContext.stacks`; at synth time every stack of the app), and
 * one judgement of "this stack reaches account X" that all of them share.
 *
 * An account that no stack of the run declares is judged by the stack's
 * posture. From a production stack it fails: production reaches no account
 * outside the run, whoever owns it. From any other stack it is unknown: the
 * account may well be production's, so the gate cannot pass it until it sees
 * the stacks of that account too (check the whole cdktf.out, not one stack).
 * AWS-owned service accounts (ELB log delivery) are no environment's.
 */
import { ELB_LOG_DELIVERY_ACCOUNTS } from '../../core/elb-log-accounts';
import { accountOf } from '../iam/principals';
import { normalizePolicy, PolicyStatement, PolicyValue } from '../policy';
import { fail, unknown } from '../rule-kit';
import { CheckContext, RuleOutcome, StackModel } from '../types';
import { isSpecificUnknown, isUnknown } from '../values';
import { isProductionStack } from './posture';

const AWS_SERVICE_ACCOUNTS: ReadonlySet<string> = new Set(Object.values(ELB_LOG_DELIVERY_ACCOUNTS));

/** Run-wide facts, each keyed to the environments that use it. */
interface RunFacts {
  readonly accounts: Map<string, Set<string>>;
  readonly stateBuckets: Map<string, Set<string>>;
  /** Local backends by state file name (cdktf writes `../<stack>/terraform.<stack>.tfstate`). */
  readonly stateFiles: Map<string, Set<string>>;
  readonly buckets: Map<string, Set<string>>;
  readonly environments: Set<string>;
  readonly environmentOfStack: Map<string, string | undefined>;
  /** Postures each account's stacks are judged with (a declared posture, or production strictness). */
  readonly postures: Map<string, Set<string>>;
  /** `<trusted account>><trusting account>` for every declared edge the run confirms. */
  readonly edges: Set<string>;
}

/** Computed once per run: a run of 1,000 stacks must not rescan every stack for each stack. */
const factsByRun = new WeakMap<readonly StackModel[], RunFacts>();

function add(map: Map<string, Set<string>>, key: string, env: string): void {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  set.add(env);
}

/** The state bucket of an S3 backend, when it is a literal. */
export function stateBucketOf(stack: StackModel): string | undefined {
  const bucket = stack.backend?.type === 's3' ? stack.backend.config.bucket : undefined;
  return typeof bucket === 'string' ? bucket : undefined;
}

/** The file name of a local backend's state, the part a remote-state path and the backend share. */
export function stateFileOf(type: unknown, config: unknown): string | undefined {
  if (type !== 'local' || typeof config !== 'object' || config === null) return undefined;
  const path = (config as Record<string, unknown>).path;
  return typeof path === 'string' ? path.split('/').pop() : undefined;
}

function runFacts(stacks: readonly StackModel[]): RunFacts {
  let facts = factsByRun.get(stacks);
  if (facts !== undefined) return facts;
  facts = { accounts: new Map(), stateBuckets: new Map(), stateFiles: new Map(), buckets: new Map(), environments: new Set(), environmentOfStack: new Map(), postures: new Map(), edges: new Set() };
  for (const s of stacks) for (const a of s.accounts) add(facts.postures, a, isProductionStack(s) ? 'production' : 'non-production');
  for (const s of stacks) {
    facts.environmentOfStack.set(s.name, s.environment);
    for (const e of declaredEdges(s)) if (confirmedPosture(facts, e.accountId, e.posture)) facts.edges.add(`${e.accountId}>${s.declaration!.accountId}`);
    if (s.environment === undefined) continue;
    facts.environments.add(s.environment);
    for (const a of s.accounts) add(facts.accounts, a, s.environment);
    const state = stateBucketOf(s);
    if (state !== undefined) add(facts.stateBuckets, state, s.environment);
    const file = stateFileOf(s.backend?.type, s.backend?.config);
    if (file !== undefined) add(facts.stateFiles, file, s.environment);
    for (const r of s.resources.values()) if (r.type === 'aws_s3_bucket' && typeof r.values.bucket === 'string') add(facts.buckets, r.values.bucket, s.environment);
  }
  factsByRun.set(stacks, facts);
  return facts;
}

/**
 * The trust edges a stack declares that the gate may honour: from a readable
 * declaration of the stack's own account, joining two different accounts of
 * one posture. The run must confirm the posture (`RunFacts.postures`), so a
 * hand-written edge cannot open production to non-production.
 */
function declaredEdges(stack: StackModel): NonNullable<StackModel['declaration']>['trusts'] {
  const d = stack.declaration;
  if (d === undefined || !stack.accounts.includes(d.accountId)) return [];
  return d.trusts.filter((e) => (e.posture === d.posture || imagePullCrossing(stack, e)) && e.accountId !== d.accountId && isProductionStack(stack) === (d.posture === 'production'));
}

/** An image-pull edge may cross postures, out of a stack that holds no customer data (a shared-services registry). */
export function imagePullCrossing(stack: StackModel, edge: { readonly requires: string }): boolean {
  return edge.requires === 'image-pull' && stack.customerDataAllowed !== true;
}

/** Whether the run's own declarations give `account` exactly this posture. */
function confirmedPosture(facts: RunFacts, account: string, posture: string): boolean {
  const seen = facts.postures.get(account);
  return seen !== undefined && seen.size === 1 && seen.has(posture);
}

export type Edge = ReturnType<typeof declaredEdges>[number];

/** Actions that only assume a role (and tag or name the session): the trusted side of an edge may grant them. */
const ASSUME_ACTIONS = new Set(['sts:assumerole', 'sts:tagsession', 'sts:setsourceidentity']);

/** One stack's view of the run. */
export class SeparationView {
  private readonly facts: RunFacts;
  /** Production stacks fail on accounts the run does not declare; others are unknown there. */
  public readonly production: boolean;

  constructor(public readonly stack: StackModel, context: CheckContext) {
    this.facts = runFacts(context.stacks);
    this.production = isProductionStack(stack);
  }

  /** The edge along which this stack's roles may trust principals of `account`, if one is declared. */
  public edgeFrom(account: string): Edge | undefined {
    return declaredEdges(this.stack).find((e) => e.accountId === account && confirmedPosture(this.facts, account, e.posture));
  }

  /** Whether the environment of `account` declares an edge trusting this stack's account (so its roles may be assumed from here). */
  public trustedBy(account: string): boolean {
    return this.stack.accounts.some((own) => this.facts.edges.has(`${own}>${account}`));
  }

  /** Names of the run's other environments. */
  public otherEnvironments(): string[] {
    return [...this.facts.environments].filter((e) => e !== this.stack.environment);
  }

  /** The other environment whose state bucket this is, if any. */
  public stateBucketOwner(bucket: string): string | undefined {
    return this.other(this.facts.stateBuckets.get(bucket));
  }

  /** The other environment whose local state file this is, if any. */
  public stateFileOwner(file: string): string | undefined {
    return this.other(this.facts.stateFiles.get(file));
  }

  /** Whether a stack of the run declares this state bucket (or file). */
  public isDeclaredState(bucketOrFile: string): boolean {
    return this.facts.stateBuckets.has(bucketOrFile) || this.facts.stateFiles.has(bucketOrFile) || stateBucketOf(this.stack) === bucketOrFile;
  }

  /** The other environment that declares an S3 bucket of this name, if any. */
  public bucketOwner(bucket: string): string | undefined {
    return this.other(this.facts.buckets.get(bucket));
  }

  /** The other environment a stack of the run belongs to, if it is one. */
  public stackOwner(stackName: string): string | undefined {
    const env = this.facts.environmentOfStack.get(stackName);
    return env !== undefined && env !== this.stack.environment ? env : undefined;
  }

  /** The first environment of `envs` that is neither this stack's nor one it declares sharing its account with (TF-SEP-2 checks both sides declare it). */
  private other(envs: ReadonlySet<string> | undefined): string | undefined {
    const shared = this.production ? [] : this.stack.declaration?.sharesAccountWith ?? [];
    for (const e of envs ?? []) if (e !== this.stack.environment && !shared.includes(e)) return e;
    return undefined;
  }

  /**
   * Judges one account the stack reaches: undefined when it is the stack's
   * own (or an AWS service account), otherwise a fail or unknown outcome.
   */
  public judgeAccount(address: string, what: string, account: string, finding: string): RuleOutcome | undefined {
    if (this.stack.accounts.includes(account) || AWS_SERVICE_ACCOUNTS.has(account)) return undefined;
    const envs = this.facts.accounts.get(account);
    const owner = this.other(envs);
    if (owner !== undefined) return fail(address, `${what} is in account ${account} of environment ${owner}.`, finding);
    // Another stack of this same environment declares it.
    if (envs !== undefined) return undefined;
    if (this.stack.accounts.length === 0) return unknown(address, `${what} is in account ${account}, and the stack pins no account of its own, so the gate cannot tell whose it is.`, finding);
    return this.undeclared(address, `${what} is in account ${account}`, finding);
  }

  /** Fail (production) or unknown (elsewhere) for something outside every environment of the run. */
  public undeclared(address: string, what: string, finding: string): RuleOutcome {
    return this.production
      ? fail(address, `${what}, which no stack of this run declares; a production environment reaches nothing outside its own.`, finding)
      : unknown(address, `${what}, which no stack of this run declares, so the gate cannot tell whether it is another environment's; check every stack of the app in one run.`, finding);
  }

  /**
   * Judges a value that names an account or an ARN: a literal by its account;
   * a reference to a resource of this stack stays in this account; a value
   * traced to another stack belongs to that stack's environment; anything
   * else (variables, data sources, functions) is unknown.
   */
  public judgeValue(address: string, what: string, value: unknown, finding: string): RuleOutcome | undefined {
    const text = isUnknown(value) ? value.$unknown : typeof value === 'string' ? value : undefined;
    if (text === undefined) return undefined;
    // A literal account wins, even inside a template (`arn:aws:iam::111111111111:role/${var.name}`).
    const account = accountOf(text);
    if (account !== undefined) return this.judgeAccount(address, `${what} ${text}`, account, finding);
    if (!isUnknown(value)) return text.includes('${') ? unknown(address, `${what} ${text} cannot be resolved.`, finding) : undefined;
    if (isSpecificUnknown(value)) return undefined;
    if (value.origin !== undefined) {
      const owner = this.stackOwner(value.origin.stack);
      return owner === undefined ? undefined : fail(address, `${what} comes from stack ${value.origin.stack} of environment ${owner}.`, finding);
    }
    return unknown(address, `${what} ${value.$unknown} cannot be resolved.`, finding);
  }
}

/** What of an Allow statement may name another account. */
export interface ReachOptions {
  /** Identity policies reach through their resources; resource policies name their own resource there. */
  readonly resources: boolean;
}

/** Condition operators that exclude the values they name rather than admit them. */
const NEGATED_OPERATOR = /Not/;

function conditionValues(statement: PolicyStatement): PolicyValue[] | 'unknown' {
  const c = statement.Condition;
  if (c === undefined) return [];
  if (isUnknown(c)) return 'unknown';
  const out: PolicyValue[] = [];
  for (const [operator, byKey] of Object.entries(c)) if (!NEGATED_OPERATOR.test(operator)) for (const values of Object.values(byKey)) out.push(...values);
  return out;
}

/** Condition keys that bound a statement to an organization (or a path in it) rather than to accounts. */
const ORG_KEYS = new Set(['aws:principalorgid', 'aws:principalorgpaths', 'aws:resourceorgid', 'aws:resourceorgpaths', 'aws:sourceorgid', 'aws:sourceorgpaths']);

/**
 * The organization key when it is all that bounds the statement: an
 * organization holds every environment's account, so "any account of the
 * organization" reaches the other environments. A statement that also names
 * accounts (aws:PrincipalAccount, aws:SourceArn, a principal ARN, ...) is
 * judged by those accounts instead. Callers apply it to identity policies
 * everywhere (a dev role reaching any organization resource reaches prod's)
 * and to trust and resource policies of production stacks (the organization
 * lets dev in); a non-production resource open to the organization admits
 * production principals, the direction separation does not guard, and is
 * left to TF-LP-6.
 */
function organizationWide(statement: PolicyStatement, principal: PolicyStatement['Principal']): string | undefined {
  const c = statement.Condition;
  if (c === undefined || isUnknown(c)) return undefined;
  let org: string | undefined;
  let namesAccounts = false;
  for (const [operator, byKey] of Object.entries(c)) {
    if (NEGATED_OPERATOR.test(operator)) continue;
    for (const [key, values] of Object.entries(byKey)) {
      if (ORG_KEYS.has(key.toLowerCase())) org ??= key;
      else if (values.some((v) => typeof v === 'string' && accountOf(v) !== undefined)) namesAccounts = true;
    }
  }
  if (org === undefined || namesAccounts) return undefined;
  const named = principal !== undefined && !isUnknown(principal) && (principal.AWS ?? []).some((v) => typeof v === 'string' && accountOf(v) !== undefined);
  return named ? undefined : org;
}

/**
 * Every account an Allow statement lets in or reaches: AWS and federated
 * principals, condition values that name accounts or ARNs
 * (`aws:SourceAccount`, `s3:ResourceAccount`, `aws:SourceArn`, ...), and for
 * identity policies the resources. Deny statements take access away and are
 * not a reach. An unreadable effect counts as an Allow.
 */
export function statementReach(view: SeparationView, address: string, what: string, statement: PolicyStatement, options: ReachOptions): RuleOutcome[] {
  if (statement.Effect === 'Deny') return [];
  // A statement that is itself an unresolved value (`"Statement": ["${var.s}"]`) shows no principal to judge: it could admit anyone.
  if (isUnknown(statement.Effect) && statement.Principal === undefined && statement.NotPrincipal === undefined) {
    return [unknown(address, `${what} has a statement that cannot be read (${statement.Effect.$unknown}).`, 'Statement')];
  }
  const out: RuleOutcome[] = [];
  const judge = (label: string, value: PolicyValue, key: string) => {
    const o = view.judgeValue(address, `${what} ${label}`, value, `${key}::${isUnknown(value) ? value.$unknown : value}`);
    if (o !== undefined) out.push(o);
  };
  const p = statement.Principal;
  if (p !== undefined) {
    if (isUnknown(p)) out.push(unknown(address, `${what} principal ${p.$unknown} cannot be resolved.`, `Principal::${p.$unknown}`));
    else for (const type of ['AWS', 'Federated']) for (const v of p[type] ?? []) judge('principal', v, 'Principal');
  }
  // Letting the organization in matters where production is entered; reaching into it, from anywhere.
  const org = options.resources || view.production ? organizationWide(statement, p) : undefined;
  if (org !== undefined) out.push(fail(address, `${what} admits every account of the organization (${org}), the other environments' accounts included.`, `Condition::${org}`));
  const conditions = conditionValues(statement);
  if (conditions === 'unknown') out.push(unknown(address, `${what} has a condition that cannot be resolved.`, 'Condition'));
  else for (const v of conditions) if (isUnknown(v) || accountOf(v) !== undefined) judge('condition value', v, 'Condition');
  if (options.resources) {
    const assumesOnly = statement.NotAction === undefined && statement.Action.length > 0 && statement.Action.every((a) => typeof a === 'string' && ASSUME_ACTIONS.has(a.toLowerCase()));
    for (const v of statement.Resource) {
      // Assuming a role of an account that declares an edge trusting this one is the edge's purpose; its trust policy is judged there.
      if (assumesOnly && typeof v === 'string' && /^arn:[^:]+:iam::\d{12}:role\//.test(v) && view.trustedBy(accountOf(v)!)) continue;
      judge('resource', v, 'Resource');
    }
  }
  return out;
}

/** `statementReach` over a whole policy in any of its forms; an unreadable policy is unknown. */
export function policyReach(view: SeparationView, address: string, what: string, raw: unknown, options: ReachOptions): RuleOutcome[] {
  const doc = normalizePolicy(raw);
  if (doc === undefined) return [];
  if (isUnknown(doc)) return [unknown(address, `${what} cannot be read (${doc.$unknown}).`)];
  return doc.statements.flatMap((s) => statementReach(view, address, what, s, options));
}

const GITHUB_SUB = 'token.actions.githubusercontent.com:sub';

function globMatches(pattern: string, text: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(text);
}

/**
 * GitHub environments of other stacks that a trust's `sub` condition admits:
 * `repo:o/r:environment:dev` in a prod role, or a wildcard (`repo:o/r:*`)
 * that also matches dev's jobs. StringLike patterns are matched as globs,
 * other operators literally.
 */
export function githubEnvironmentsAdmitted(view: SeparationView, statement: PolicyStatement): string[] {
  const c = statement.Condition;
  if (c === undefined || isUnknown(c) || statement.Effect === 'Deny') return [];
  const others = view.otherEnvironments();
  const hit = new Set<string>();
  for (const [operator, byKey] of Object.entries(c)) {
    if (NEGATED_OPERATOR.test(operator)) continue;
    for (const [key, values] of Object.entries(byKey)) {
      if (key.toLowerCase() !== GITHUB_SUB) continue;
      for (const v of values) {
        if (typeof v !== 'string') continue;
        const repo = (/^repo:([^:]*)/.exec(v)?.[1] ?? 'a').replace(/[*?]/g, 'a');
        for (const env of others) {
          const candidate = `repo:${repo}:environment:${env}`;
          if (operator.startsWith('StringLike') ? globMatches(v, candidate) : v === candidate) hit.add(env);
        }
      }
    }
  }
  return [...hit];
}

/** Outcomes without repeats (the same principal in two statements is one finding). */
export function distinct(outcomes: readonly RuleOutcome[]): RuleOutcome[] {
  const seen = new Set<string>();
  return outcomes.filter((o) => {
    const key = `${o.status}|${o.finding ?? ''}|${o.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
