import { construct, int, list, opt, ref, Schema, str, strict } from '../../core/validation';
import { PolicyStatementSchema } from '../iam/policy.schema';
import type { BaselineKeyProps } from './kms-key';

export const BaselineKeyPropsSchema = strict({
  description: str(),
  alias: ref(),
  partition: ref(),
  accountId: ref(),
  serviceStatements: opt(list(PolicyStatementSchema)),
  deletionWindowDays: opt(int()),
  provider: opt(construct<NonNullable<BaselineKeyProps['provider']>>()),
}) satisfies Schema<BaselineKeyProps>;
