import { EnvironmentSchema, Schema, strict } from '../core/validation';
import { accountBaselineEntries } from '../constructs/identity/account-baseline.schema';
import type { AccountBaselineStackProps } from './account-baseline-stack';

const { regionalProviders: _providers, ...entries } = accountBaselineEntries;

/** The stack makes the regional providers itself, so they are not a prop here. */
export const AccountBaselineStackPropsSchema = strict({ ...entries, environment: EnvironmentSchema }) satisfies Schema<AccountBaselineStackProps>;
