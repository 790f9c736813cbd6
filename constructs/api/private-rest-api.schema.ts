import type { AwsProvider } from '../../core/aws';
import { arn, bool, byKey, construct, int, list, literal, num, opt, ref, Schema, str, strict } from '../../core/validation';
import type { ExecuteApiEndpoint, PrivateRestApiProps } from './private-rest-api';

export const ExecuteApiEndpointSchema = byKey('kind', [
  strict({ kind: literal('existing'), vpcEndpointId: ref() }),
  strict({ kind: literal('create'), vpcId: ref(), subnetIds: list(ref()), allowedSecurityGroupIds: list(ref()), allowedCidrs: opt(list(str())) }),
]) satisfies Schema<ExecuteApiEndpoint>;

export const PrivateRestApiPropsSchema = strict({
  apiName: str(),
  endpoint: ExecuteApiEndpointSchema,
  userPoolArn: arn(),
  handler: strict({ functionName: ref(), invokeArn: arn() }),
  logsKmsKeyArn: arn(),
  provider: construct<AwsProvider>(),
  stageName: opt(str()),
  throttle: opt(strict({ rateLimitRps: num(), burstLimit: int() })),
  rateLimitPer5Minutes: opt(int()),
  manageAccountSettings: opt(bool()),
  logRetentionDays: opt(int()),
}) satisfies Schema<PrivateRestApiProps>;
