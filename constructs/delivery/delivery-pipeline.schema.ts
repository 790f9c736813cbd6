import { Schema, arn, int, list, oneOf, opt, ref, str, strict } from '../../core/validation';
import type { DeliveryPipelineProps, DeployTarget, PipelineBuildspecs, PipelineSource } from './delivery-pipeline';

export const PipelineSourceSchema = strict({ connectionArn: arn(), repository: ref(), branch: opt(ref()) }) satisfies Schema<PipelineSource>;
export const DeployTargetSchema = strict({ environment: ref(), roleArn: arn() }) satisfies Schema<DeployTarget>;
export const PipelineBuildspecsSchema = strict({ qualityGate: opt(ref()), build: opt(ref()), integrationTest: opt(ref()), deploy: opt(ref()) }) satisfies Schema<PipelineBuildspecs>;

export const DeliveryPipelinePropsSchema = strict({
  name: ref(),
  vpcId: ref(),
  subnetIds: list(ref()),
  source: PipelineSourceSchema,
  logsKmsKeyArn: arn(),
  deployTargets: list(DeployTargetSchema),
  imageRepositories: opt(list(ref())),
  privilegedBuildReason: opt(str()),
  packageUpstreams: opt(list(oneOf(['pypi', 'npmjs'] as const))),
  buildspecs: opt(PipelineBuildspecsSchema),
  buildImage: opt(ref()),
  logRetentionDays: opt(int()),
}) satisfies Schema<DeliveryPipelineProps>;
