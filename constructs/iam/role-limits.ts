/**
 * What IAM accepts for a role, from IAM's CreateRole reference, checked once
 * here for every construct that takes these values.
 */

/** A role name: 1 to 64 letters, digits and `+=,.@_-`. Role names are unique in an account whatever their path, and compared without regard to case. */
export const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** A role name with the path in front (`team/ci/github-deploy`), as ARNs and trust lists write it. */
export const IAM_ROLE_NAME_WITH_PATH = /^(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

/** A role's MaxSessionDuration, in seconds: one to twelve hours. */
export const ROLE_SESSION_SECONDS = { min: 3600, max: 43_200 } as const;

/** True when `seconds` is a whole number IAM accepts as a role's MaxSessionDuration. */
export function isRoleSessionSeconds(seconds: unknown): seconds is number {
  return Number.isInteger(seconds) && (seconds as number) >= ROLE_SESSION_SECONDS.min && (seconds as number) <= ROLE_SESSION_SECONDS.max;
}
