import { checkEach, defineRule, fail, isUnknown, pass, unknown } from '../../rule-kit';

/** TF-MFA-4: the root user never gets an access key. */
export const NoRootAccessKeys = defineRule(
  {
    id: 'TF-MFA-4',
    title: "Ensure no access key is created for the 'root' user",
    category: 'mfa',
    level: 'error',
    resourceTypes: ['aws_iam_access_key'],
    remediation:
      'Delete the access key. The root user cannot be restricted by IAM policies and a leaked root key owns the account; use IAM roles (OIDC for CI) instead, and block root with an SCP.',
    references: { cis: 'CIS AWS v5.0.0 1.3' },
  },
  (stack) =>
    checkEach(stack, ['aws_iam_access_key'], (r) => {
      const user = r.values.user;
      if (isUnknown(user)) {
        // A reference to a user defined in this stack names an IAM user, never root.
        return user.refs.length > 0 && user.refs.every((ref) => ref.startsWith('aws_iam_user.'))
          ? pass(r.address, 'the key belongs to an IAM user of this stack.')
          : unknown(r.address, `the key's user cannot be resolved (${user.$unknown}).`);
      }
      return typeof user === 'string' && user.toLowerCase() === 'root'
        ? fail(r.address, 'an access key is created for the root user.')
        : pass(r.address, `the key belongs to IAM user ${JSON.stringify(user)}.`);
    }),
);
