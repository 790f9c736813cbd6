import { arn, byKey, dict, int, list, literal, oneOf, opt, ref, Schema, str, strict } from '../../core/validation';
import { ContainerImageSchema } from './fargate-service.schema';
import type { FunctionCode, SecureFunctionProps } from './secure-function';
import { ZIP_RUNTIMES } from './function-runtimes';

export const FunctionCodeSchema = byKey('kind', [
  strict({ kind: literal('image'), image: ContainerImageSchema }),
  strict({ kind: literal('zip'), s3Bucket: ref(), s3Key: ref(), handler: str(), runtime: oneOf(ZIP_RUNTIMES) }),
]) satisfies Schema<FunctionCode>;

export const SecureFunctionPropsSchema = strict({
  functionName: str(),
  vpcId: ref(),
  subnetIds: list(ref()),
  code: FunctionCodeSchema,
  kmsKeyArn: arn(),
  logsKmsKeyArn: arn(),
  environment: opt(dict(str())),
  memoryMiB: opt(int()),
  timeoutSeconds: opt(int()),
  reservedConcurrency: opt(int()),
  architecture: opt(oneOf(['x86_64', 'arm64'] as const)),
  logRetentionDays: opt(int()),
  codeSigningConfigArn: opt(arn()),
}) satisfies Schema<SecureFunctionProps>;
