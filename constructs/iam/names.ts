/**
 * What IAM accepts as a role name: 1 to 64 of letters, digits and `+=,.@_-`
 * (IAM's CreateRole reference). Role names are unique in an account whatever
 * their path.
 */
export const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** A role name with the path in front (`team/ci/github-deploy`), as ARNs and trust lists write it. */
export const IAM_ROLE_NAME_WITH_PATH = /^(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
