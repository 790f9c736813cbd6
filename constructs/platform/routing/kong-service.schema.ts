import { Schema, arn, int, list, opt, ref, str, strict } from '../../../core/validation';
import { FargateSizeSchema } from './fargate-size.schema';
import type { KongServiceProps } from './kong-service';

export const KongServicePropsSchema = strict({
  vpcId: ref(),
  subnetIds: list(ref()),
  // The routes reach Kong as JSON whose ALB host names are cdktf tokens; anything else Terraform would interpolate is refused.
  declarativeConfig: ref(),
  imageKmsKeyArn: arn(),
  logsKmsKeyArn: arn(),
  imageTag: opt(str()),
  size: opt(FargateSizeSchema),
  minTasks: opt(int()),
  maxTasks: opt(int()),
  targetCpuPercent: opt(int()),
  logRetentionDays: opt(int()),
}) satisfies Schema<KongServiceProps>;
