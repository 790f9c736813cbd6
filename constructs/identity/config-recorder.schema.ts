import { Schema, str, strict, ref } from '../../core/validation';
import type { ConfigRecorderProps } from './config-recorder';

export const ConfigRecorderPropsSchema = strict({ bucketName: str(), kmsKeyArn: ref() }) satisfies Schema<ConfigRecorderProps>;
