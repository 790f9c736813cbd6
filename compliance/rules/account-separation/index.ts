import { Rule } from '../../types';
import { customerDataWhereAllowed } from './customer-data-where-allowed';
import { environmentsDoNotShare } from './environments-do-not-share';
import { noCrossEnvironmentAccess } from './no-cross-environment-access';
import { providerPinnedToOneAccount } from './provider-pinned-to-one-account';

/** The account-separation rules, one per file in this folder. */
export const rules: Rule[] = [providerPinnedToOneAccount, environmentsDoNotShare, noCrossEnvironmentAccess, customerDataWhereAllowed];
