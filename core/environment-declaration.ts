import { Environment, IamUsersPolicy, Posture, postureOf, TrustRequirement } from './environment';

/**
 * What a stack declares about its environment, written into its synthesized
 * JSON so the gate (at synth and from the CLI, on the same files) judges
 * trust edges, shared accounts and account policies from the declaration
 * the stack was built with. Terraform ignores `"//"` keys.
 */
export interface EnvironmentDeclaration {
  readonly name: string;
  readonly accountId: string;
  readonly posture: Posture;
  readonly trusts: readonly DeclaredTrustEdge[];
  readonly sharesAccountWith: readonly string[];
  readonly iamUsers: IamUsersPolicy;
  readonly requiredTagKeys: readonly string[];
}

/** A trust edge as the gate sees it: the trusted environment by name, account and posture. */
export interface DeclaredTrustEdge {
  readonly environment: string;
  readonly accountId: string;
  readonly posture: Posture;
  readonly requires: TrustRequirement;
}

/** Where the declaration sits in a stack's Terraform JSON. */
export const ENVIRONMENT_DECLARATION_PATH = ['//', 'tenantform', 'environment'] as const;

/** The declaration of a (validated) environment. */
export function environmentDeclaration(env: Environment): EnvironmentDeclaration {
  return {
    name: env.name,
    accountId: env.accountId,
    posture: postureOf(env),
    trusts: (env.trusts ?? []).map((e) => ({ environment: e.from.name, accountId: e.from.accountId, posture: postureOf(e.from), requires: e.requires })),
    sharesAccountWith: [...(env.sharesAccountWith ?? [])],
    iamUsers: env.iamUsers ?? 'allowed',
    requiredTagKeys: [...(env.requiredTagKeys ?? [])],
  };
}
