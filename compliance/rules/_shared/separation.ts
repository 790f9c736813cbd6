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
import { ELB_LOG_DELIVERY_ACCOUNTS } from '../../../core/elb-log-accounts';
import { accountOf } from '../../iam/principals';
import { fail, unknown } from '../../rule-kit';
import { CheckContext, RuleOutcome, StackModel } from '../../types';
import { isSpecificUnknown, isUnknown } from '../../values';

const AWS_SERVICE_ACCOUNTS: ReadonlySet<string> = new Set(Object.values(ELB_LOG_DELIVERY_ACCOUNTS));

/** Run-wide facts, each keyed to the environments that use it. */
interface RunFacts {
  readonly accounts: Map<string, Set<string>>;
  readonly stateBuckets: Map<string, Set<string>>;
  readonly buckets: Map<string, Set<string>>;
  readonly environments: Set<string>;
  readonly environmentOfStack: Map<string, string | undefined>;
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

function runFacts(stacks: readonly StackModel[]): RunFacts {
  let facts = factsByRun.get(stacks);
  if (facts !== undefined) return facts;
  facts = { accounts: new Map(), stateBuckets: new Map(), buckets: new Map(), environments: new Set(), environmentOfStack: new Map() };
  for (const s of stacks) {
    facts.environmentOfStack.set(s.name, s.environment);
    if (s.environment === undefined) continue;
    facts.environments.add(s.environment);
    for (const a of s.accounts) add(facts.accounts, a, s.environment);
    const state = stateBucketOf(s);
    if (state !== undefined) add(facts.stateBuckets, state, s.environment);
    for (const r of s.resources.values()) if (r.type === 'aws_s3_bucket' && typeof r.values.bucket === 'string') add(facts.buckets, r.values.bucket, s.environment);
  }
  factsByRun.set(stacks, facts);
  return facts;
}

/** One stack's view of the run. */
export class SeparationView {
  private readonly facts: RunFacts;
  /** Production stacks fail on accounts the run does not declare; others are unknown there. */
  public readonly production: boolean;

  constructor(public readonly stack: StackModel, context: CheckContext) {
    this.facts = runFacts(context.stacks);
    this.production = stack.customerDataAllowed === true || stack.environment === 'prod' || stack.environment === 'production';
  }

  /** Names of the run's other environments. */
  public otherEnvironments(): string[] {
    return [...this.facts.environments].filter((e) => e !== this.stack.environment);
  }

  /** The other environment whose state bucket this is, if any. */
  public stateBucketOwner(bucket: string): string | undefined {
    return this.other(this.facts.stateBuckets.get(bucket));
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

  private other(envs: ReadonlySet<string> | undefined): string | undefined {
    for (const e of envs ?? []) if (e !== this.stack.environment) return e;
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
    if (this.production) {
      return fail(address, `${what} is in account ${account}, which no stack of this run declares; a production environment reaches no account outside its own.`, finding);
    }
    return unknown(address, `${what} is in account ${account}, which no stack of this run declares, so the gate cannot tell whether it is another environment's; check every stack of the app in one run.`, finding);
  }

  /**
   * Judges a value that names an account or an ARN: a literal by its account;
   * a reference to a resource of this stack stays in this account; a value
   * traced to another stack belongs to that stack's environment; anything
   * else (variables, data sources, functions) is unknown.
   */
  public judgeValue(address: string, what: string, value: unknown, finding: string): RuleOutcome | undefined {
    if (isUnknown(value)) {
      if (isSpecificUnknown(value)) return undefined;
      if (value.origin !== undefined) {
        const owner = this.stackOwner(value.origin.stack);
        return owner === undefined ? undefined : fail(address, `${what} comes from stack ${value.origin.stack} of environment ${owner}.`, finding);
      }
      return unknown(address, `${what} ${value.$unknown} cannot be resolved.`, finding);
    }
    if (typeof value !== 'string') return undefined;
    if (value.includes('${')) return unknown(address, `${what} ${value} cannot be resolved.`, finding);
    const account = accountOf(value);
    return account === undefined ? undefined : this.judgeAccount(address, `${what} ${value}`, account, finding);
  }
}
