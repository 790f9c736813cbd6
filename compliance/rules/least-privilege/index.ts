import { Rule } from '../../types';
import { ReadOnlyCrossAccountSharing } from './ReadOnlyCrossAccountSharing';
import { CodeBuildNotPrivileged } from './CodeBuildNotPrivileged';
import { EcrCrossAccountPullOnly } from './EcrCrossAccountPullOnly';
import { RdsMasterPasswordRotated } from './RdsMasterPasswordRotated';
import { CrossAccountTrustConditions } from './CrossAccountTrustConditions';
import { NoAdministratorAccess } from './NoAdministratorAccess';
import { NoFullWildcardAction } from './NoFullWildcardAction';
import { NoNotActionWithAllow } from './NoNotActionWithAllow';
import { NoOpenTrust } from './NoOpenTrust';
import { NoPublicAcl } from './NoPublicAcl';
import { NoPublicResourcePolicy } from './NoPublicResourcePolicy';
import { NoServiceWildcardAction } from './NoServiceWildcardAction';
import { NoUnscopedPrivilegeEscalation } from './NoUnscopedPrivilegeEscalation';
import { NoUserPolicies } from './NoUserPolicies';
import { NoWriteOnAnyResource } from './NoWriteOnAnyResource';
import { OpenSearchFineGrainedAccess } from './OpenSearchFineGrainedAccess';

export {
  ReadOnlyCrossAccountSharing,
  CodeBuildNotPrivileged,
  EcrCrossAccountPullOnly,
  RdsMasterPasswordRotated,
  CrossAccountTrustConditions,
  NoAdministratorAccess,
  NoFullWildcardAction,
  NoNotActionWithAllow,
  NoOpenTrust,
  NoPublicAcl,
  NoPublicResourcePolicy,
  NoServiceWildcardAction,
  NoUnscopedPrivilegeEscalation,
  NoUserPolicies,
  NoWriteOnAnyResource,
  OpenSearchFineGrainedAccess,
};

/** The least-privilege rules, in ID order. */
export const rules: Rule[] = [
  NoFullWildcardAction,
  NoServiceWildcardAction,
  NoWriteOnAnyResource,
  NoNotActionWithAllow,
  NoUnscopedPrivilegeEscalation,
  NoOpenTrust,
  CrossAccountTrustConditions,
  NoUserPolicies,
  NoAdministratorAccess,
  NoPublicResourcePolicy,
  NoPublicAcl,
  EcrCrossAccountPullOnly,
  RdsMasterPasswordRotated,
  CodeBuildNotPrivileged,
  OpenSearchFineGrainedAccess,
  ReadOnlyCrossAccountSharing,
];
