import { Rule } from '../../types';
import { CustomerDataWhereAllowed } from './CustomerDataWhereAllowed';
import { EncryptionKeysInOwnAccount } from './EncryptionKeysInOwnAccount';
import { EnvironmentsDoNotShare } from './EnvironmentsDoNotShare';
import { IdentityPoliciesStayInEnvironment } from './IdentityPoliciesStayInEnvironment';
import { NoCrossEnvironmentAccess } from './NoCrossEnvironmentAccess';
import { ProviderPinnedToOneAccount } from './ProviderPinnedToOneAccount';
import { RequiredTagsPresent } from './RequiredTagsPresent';
import { SnapshotsStayInEnvironment } from './SnapshotsStayInEnvironment';
import { StateAndReplicationStayInEnvironment } from './StateAndReplicationStayInEnvironment';

/** The account-separation rules, one per file in this folder. The same list runs at synth time in every TenantformStack. */
export const rules: Rule[] = [
  ProviderPinnedToOneAccount,
  EnvironmentsDoNotShare,
  NoCrossEnvironmentAccess,
  CustomerDataWhereAllowed,
  StateAndReplicationStayInEnvironment,
  IdentityPoliciesStayInEnvironment,
  EncryptionKeysInOwnAccount,
  SnapshotsStayInEnvironment,
  RequiredTagsPresent,
];
