import { arn, bool, int, list, opt, ref, Schema, str, strict } from '../../core/validation';
import type { SearchDomainProps } from './search-domain';

export const SearchDomainPropsSchema = strict({
  domainName: str(),
  vpcId: ref(),
  subnetIds: list(ref()),
  kmsKeyArn: arn(),
  logsKmsKeyArn: arn(),
  masterUserRoleArn: arn(),
  allowedRoleArns: list(arn()),
  engineVersion: opt(str()),
  instanceType: opt(str()),
  instanceCount: opt(int()),
  volumeSizeGiB: opt(int()),
  dedicatedMasters: opt(bool()),
  logRetentionDays: opt(int()),
}) satisfies Schema<SearchDomainProps>;
