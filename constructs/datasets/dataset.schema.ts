import { Schema, int, list, opt, ref, strict } from '../../core/validation';
import type { DatasetProps, PrefixShare, TableShare } from './dataset';

export const PrefixShareSchema = strict({ environment: ref(), prefix: ref() }) satisfies Schema<PrefixShare>;
export const TableShareSchema = strict({ environment: ref(), databaseName: ref(), tableName: ref() }) satisfies Schema<TableShare>;
export const DatasetPropsSchema = strict({
  name: ref(),
  prefixShares: opt(list(PrefixShareSchema)),
  tableShares: opt(list(TableShareSchema)),
  noncurrentVersionDays: opt(int()),
}) satisfies Schema<DatasetProps>;
