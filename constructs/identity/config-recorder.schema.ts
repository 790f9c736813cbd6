import { arn, Schema, str, strict } from '../../core/validation';
import type { ConfigRecorderProps } from './config-recorder';

export const ConfigRecorderPropsSchema = strict({ bucketName: str(), kmsKeyArn: arn() }) satisfies Schema<ConfigRecorderProps>;
