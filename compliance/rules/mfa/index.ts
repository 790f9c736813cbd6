import { Rule } from '../../types';
import { humanRolesRequireMfa } from './human-roles-require-mfa';
import { noFailOpenMfaCondition } from './no-fail-open-mfa-condition';
import { noRootAccessKeys } from './no-root-access-keys';
import { usersInForceMfaGroup } from './users-in-force-mfa-group';

/** The mfa rules, one per file in this folder. */
export const rules: Rule[] = [usersInForceMfaGroup, noFailOpenMfaCondition, humanRolesRequireMfa, noRootAccessKeys];
