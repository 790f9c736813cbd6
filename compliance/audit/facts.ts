/**
 * What the live audit reads from an account, as plain data. Collecting
 * (collect.ts, the AWS SDK) and judging (checks.ts, pure) are separate so
 * every verdict can be tested on both sides without an account.
 */
export interface AccessKeyFacts {
  readonly id: string;
  readonly status: 'Active' | 'Inactive' | string;
  readonly createdAt?: Date;
  /** Undefined when the key was never used. */
  readonly lastUsedAt?: Date;
}

export interface UserFacts {
  readonly name: string;
  readonly arn: string;
  /** Has a console password (a login profile). */
  readonly consoleAccess: boolean;
  readonly mfaDevices: number;
  readonly accessKeys: readonly AccessKeyFacts[];
  readonly attachedPolicies: readonly string[];
  readonly inlinePolicies: readonly string[];
}

export interface PasswordPolicyFacts {
  readonly minimumLength?: number;
  readonly reusePrevention?: number;
  readonly requireUppercase?: boolean;
  readonly requireLowercase?: boolean;
  readonly requireNumbers?: boolean;
  readonly requireSymbols?: boolean;
  readonly maxAgeDays?: number;
}

export interface AccountFacts {
  /** From STS GetCallerIdentity. */
  readonly callerAccount: string;
  readonly callerArn: string;
  /** GetAccountSummary's AccountMFAEnabled = 1. */
  readonly rootMfaEnabled: boolean;
  /** GetAccountSummary's AccountAccessKeysPresent = 1. */
  readonly rootAccessKeysPresent: boolean;
  /** Undefined: the account has no password policy. */
  readonly passwordPolicy?: PasswordPolicyFacts;
  readonly users: readonly UserFacts[];
  /** Organization membership; `undefined` when it could not be read (no permission). */
  readonly organization?: { readonly member: boolean; readonly id?: string; readonly managementAccount?: string };
}
