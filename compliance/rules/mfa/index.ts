import { Rule } from '../../types';
import { HumanRolesRequireMfa } from './HumanRolesRequireMfa';
import { NoFailOpenMfaCondition } from './NoFailOpenMfaCondition';
import { NoIamUsersWhereDeclared } from './NoIamUsersWhereDeclared';
import { NoRootAccessKeys } from './NoRootAccessKeys';
import { UsersInForceMfaGroup } from './UsersInForceMfaGroup';
import { CognitoMfaRequired } from './CognitoMfaRequired';
import { CognitoPasswordPolicy } from './CognitoPasswordPolicy';

export { HumanRolesRequireMfa, NoFailOpenMfaCondition, NoIamUsersWhereDeclared, NoRootAccessKeys, UsersInForceMfaGroup, CognitoMfaRequired, CognitoPasswordPolicy };

/** The mfa rules, in ID order. */
export const rules: Rule[] = [UsersInForceMfaGroup, NoFailOpenMfaCondition, HumanRolesRequireMfa, NoRootAccessKeys, NoIamUsersWhereDeclared, CognitoMfaRequired, CognitoPasswordPolicy];
