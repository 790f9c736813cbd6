/**
 * The compliance suite's shared vocabulary. Rules, the engine, reporters, the
 * checkov bridge and the live audit all speak these types, and nothing here
 * depends on tenantform's constructs: the suite reads Terraform JSON only.
 */

export type Category =
  | 'mfa'
  | 'least-privilege'
  | 'encryption'
  | 'account-separation'
  | 'network-exposure'
  | 'logging'
  | 'resilience';

export type Level = 'error' | 'warning';

/**
 * `unknown`: the rule needed a value that could not be resolved from the JSON. It fails closed.
 * `baselined`: a fail or unknown recorded in the `--baseline` file, so it does not fail the gate.
 */
export type Status = 'fail' | 'unknown' | 'suppressed' | 'baselined' | 'pass';

export interface RuleReferences {
  /** CIS AWS Foundations Benchmark control, e.g. `CIS 1.10`. */
  readonly cis?: string;
  /** checkov check IDs, e.g. `CKV_AWS_3`. */
  readonly checkov?: readonly string[];
  /** cdk-nag rule IDs, e.g. `AwsSolutions-EC26`. */
  readonly cdkNag?: readonly string[];
}

export interface RuleMeta {
  /** `TF-<CAT>-<n>`: MFA, LP, ENC, SEP, NET, LOG, RES. */
  readonly id: string;
  /** "Ensure ..." */
  readonly title: string;
  readonly category: Category;
  readonly level: Level;
  /** Terraform resource types the rule inspects; `['*']` for stack-level rules. */
  readonly resourceTypes: readonly string[];
  readonly remediation: string;
  readonly references: RuleReferences;
  /** Invariants (mfa, account-separation) refuse suppression. */
  readonly invariant: boolean;
}

/** A suppression as stored in the resource's `"//".tenantform.suppressions`. */
export interface SuppressionRecord {
  readonly ruleId: string;
  readonly reason: string;
  /** Granular finding key, e.g. `Action::iam:PassRole`; absent = whole rule. */
  readonly finding?: string;
}

/** A resource or data source of one stack, with references resolved where possible. */
export interface ResourceModel {
  /** Terraform address: `aws_kms_key.logs_key_1A2B3C`, or `data.aws_iam_policy_document.x`. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** Attribute values as written in the JSON, `${...}` references resolved where they point at known values. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Construct path from cdktf metadata, when present. */
  readonly constructPath?: string;
  readonly suppressions: readonly SuppressionRecord[];
  /** Provider alias reference, e.g. `aws.us-east-1`, when set. */
  readonly provider?: string;
  /** Nested block types written as `dynamic` blocks (config mode); findings on this resource are unknown. */
  readonly dynamicBlocks?: readonly string[];
  /** Where the block is written (file, line, column), when the loader read it from a file. */
  readonly location?: SourceLocation;
}

/** A `module` call of a stack (config mode cannot see inside it). */
export interface ModuleCall {
  readonly name: string;
  /** The `source` argument as written. */
  readonly source: string;
}

export interface ProviderModel {
  readonly name: string;
  readonly alias?: string;
  readonly region?: unknown;
  /** `allowed_account_ids` as written; empty when absent. */
  readonly allowedAccountIds: readonly string[];
  readonly defaultTags: Readonly<Record<string, string>>;
  /** Every argument of the provider block, resolved like resource attributes (assume_role and the like). */
  readonly config?: Readonly<Record<string, unknown>>;
}

export interface StackModel {
  /** Stack name: the directory name under cdktf.out/stacks, or the file name. */
  readonly name: string;
  /** Where it was read from. */
  readonly source: string;
  /** From the AWS provider's `default_tags.tags.environment`; undefined when not declared. */
  readonly environment?: string;
  /** Union of `allowed_account_ids` over the stack's AWS providers. */
  readonly accounts: readonly string[];
  /** From the `tenantform:customer-data` default tag; undefined when not declared. */
  readonly customerDataAllowed?: boolean;
  readonly backend?: { readonly type: string; readonly config: Readonly<Record<string, unknown>> };
  readonly providers: readonly ProviderModel[];
  /** Managed resources by address. */
  readonly resources: ReadonlyMap<string, ResourceModel>;
  /** Data sources by address (`data.<type>.<name>`). */
  readonly dataSources: ReadonlyMap<string, ResourceModel>;
  readonly variables: Readonly<Record<string, unknown>>;
  /** Output values by name, resolved like resource attributes; cross-stack references are linked through them. */
  readonly outputs?: Readonly<Record<string, unknown>>;
  /** `module` calls (config mode); the engine makes every rule unknown for each. */
  readonly modules?: readonly ModuleCall[];
  /** What a tenantform stack declares about its environment (`"//".tenantform.environment`); undefined for other Terraform. */
  readonly declaration?: StackDeclaration;
  /** Why a declaration that is present could not be read; the separation rules fail the stack on it. */
  readonly declarationProblem?: string;
}

/** A stack's declared environment: posture, trust edges, shared account, account policies. */
export interface StackDeclaration {
  readonly name: string;
  readonly accountId: string;
  readonly posture: 'production' | 'non-production';
  /** Environments whose principals may be trusted here, and what each trust must carry. */
  readonly trusts: readonly {
    readonly environment: string;
    readonly accountId: string;
    readonly posture: 'production' | 'non-production';
    readonly requires: 'external-id' | 'role' | 'oidc' | 'read-only' | 'image-pull';
  }[];
  readonly sharesAccountWith: readonly string[];
  readonly iamUsers: 'allowed' | 'none';
  readonly requiredTagKeys: readonly string[];
}

export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly category: Category;
  readonly level: Level;
  readonly status: Status;
  readonly stack: string;
  /** Terraform address, or `stack` for stack-level findings. */
  readonly address: string;
  readonly message: string;
  readonly remediation: string;
  /** Granular key that a suppression can target, e.g. `Action::iam:PassRole`. */
  readonly finding?: string;
  /** The suppression's reason, when status is `suppressed`. */
  readonly suppressionReason?: string;
  /** The cdktf construct path of the resource (`prod-platform/alb-pool/alb-0`), from its `"//".metadata.path`. */
  readonly constructPath?: string;
  /** Where the resource is written: the file the gate read it from, and its line when known. */
  readonly location?: SourceLocation;
}

/** A place in an input file, for reports that link findings to code. */
export interface SourceLocation {
  readonly file: string;
  /** 1-based line of the resource's block, when the loader recorded it. */
  readonly line?: number;
  /** 1-based column of the block's opening brace, when known. */
  readonly column?: number;
}

/** What a rule's check returns for one resource or stack, before suppressions apply. */
export interface RuleOutcome {
  readonly status: 'fail' | 'unknown' | 'pass';
  /** Terraform address, or `stack`. */
  readonly address: string;
  readonly message: string;
  readonly finding?: string;
}

/** Every stack of one run: rules that compare environments (shared accounts, state buckets) need them all. */
export interface CheckContext {
  readonly stacks: readonly StackModel[];
}

/** One rule = one file exporting this. Checks are pure: no I/O, no throwing on odd input. */
export interface Rule {
  readonly meta: RuleMeta;
  check(stack: StackModel, context: CheckContext): readonly RuleOutcome[];
}
