import { arn, dict, list, num, opt, Schema, str, strict } from '../../core/validation';
import type { BudgetSpec, CostControlsProps, CostExportSpec, TagPolicySpec } from './cost-controls';

export const BudgetSpecSchema = strict({ monthlyLimitUsd: num(), actualThresholdsPercent: opt(list(num())), forecastThresholdPercent: opt(num()) }) satisfies Schema<BudgetSpec>;
export const CostExportSpecSchema = strict({ bucketName: str(), prefix: opt(str()), bucketRegion: opt(str()) }) satisfies Schema<CostExportSpec>;
export const TagPolicySpecSchema = strict({ tags: dict(list(str())), targetIds: list(str()) }) satisfies Schema<TagPolicySpec>;

export const CostControlsPropsSchema = strict({
  budgets: dict(BudgetSpecSchema),
  alertEmails: list(str()),
  alertTopicArn: opt(arn()),
  costAllocationTagKeys: opt(list(str())),
  costExport: opt(CostExportSpecSchema),
  tagPolicy: opt(TagPolicySpecSchema),
}) satisfies Schema<CostControlsProps>;
