import { arn, dict, int, list, opt, ref, Schema, str, strict } from '../../core/validation';
import { FargateSizeSchema } from '../platform/routing/fargate-size.schema';
import type { ContainerImage, FargateServiceProps } from './fargate-service';

export const ContainerImageSchema = strict({ repositoryArn: arn(), repositoryUrl: ref(), tag: ref() }) satisfies Schema<ContainerImage>;

export const FargateServicePropsSchema = strict({
  serviceName: str(),
  vpcId: ref(),
  subnetIds: list(ref()),
  image: ContainerImageSchema,
  logsKmsKeyArn: arn(),
  containerPort: opt(int()),
  command: opt(list(str())),
  environment: opt(dict(str())),
  user: opt(str()),
  scratchPaths: opt(list(str())),
  size: opt(FargateSizeSchema),
  minTasks: opt(int()),
  maxTasks: opt(int()),
  targetCpuPercent: opt(int()),
  cluster: opt(strict({ arn: ref(), name: ref() })),
  targetGroupArn: opt(arn()),
  logRetentionDays: opt(int()),
}) satisfies Schema<FargateServiceProps>;
