import { Rule } from '../../types';
import { crossAccountTrustConditions } from './cross-account-trust-conditions';
import { noAdministratorAccess } from './no-administrator-access';
import { noFullWildcardAction } from './no-full-wildcard-action';
import { noNotActionWithAllow } from './no-not-action-with-allow';
import { noOpenTrust } from './no-open-trust';
import { noServiceWildcardAction } from './no-service-wildcard-action';
import { noUnscopedPrivilegeEscalation } from './no-unscoped-privilege-escalation';
import { noUserPolicies } from './no-user-policies';
import { noWriteOnAnyResource } from './no-write-on-any-resource';

/** The least-privilege rules, one per file in this folder. */
export const rules: Rule[] = [
  noFullWildcardAction,
  noServiceWildcardAction,
  noWriteOnAnyResource,
  noNotActionWithAllow,
  noUnscopedPrivilegeEscalation,
  noOpenTrust,
  crossAccountTrustConditions,
  noUserPolicies,
  noAdministratorAccess,
];
