import { Rule } from '../../types';
import { HumanRolesRequireMfa } from './HumanRolesRequireMfa';
import { NoFailOpenMfaCondition } from './NoFailOpenMfaCondition';
import { NoIamUsersWhereDeclared } from './NoIamUsersWhereDeclared';
import { NoRootAccessKeys } from './NoRootAccessKeys';
import { UsersInForceMfaGroup } from './UsersInForceMfaGroup';

export { HumanRolesRequireMfa, NoFailOpenMfaCondition, NoIamUsersWhereDeclared, NoRootAccessKeys, UsersInForceMfaGroup };

/** The mfa rules, in ID order. */
export const rules: Rule[] = [UsersInForceMfaGroup, NoFailOpenMfaCondition, HumanRolesRequireMfa, NoRootAccessKeys, NoIamUsersWhereDeclared];
