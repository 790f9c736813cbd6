import { Rule } from '../../types';
import { HumanRolesRequireMfa } from './HumanRolesRequireMfa';
import { NoFailOpenMfaCondition } from './NoFailOpenMfaCondition';
import { NoRootAccessKeys } from './NoRootAccessKeys';
import { UsersInForceMfaGroup } from './UsersInForceMfaGroup';

export { HumanRolesRequireMfa, NoFailOpenMfaCondition, NoRootAccessKeys, UsersInForceMfaGroup };

/** The mfa rules, in ID order. */
export const rules: Rule[] = [UsersInForceMfaGroup, NoFailOpenMfaCondition, HumanRolesRequireMfa, NoRootAccessKeys];
