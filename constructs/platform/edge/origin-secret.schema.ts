import { Schema, arn, strict } from '../../../core/validation';
import type { OriginSecretProps } from './origin-secret';

export const OriginSecretPropsSchema = strict({ kmsKeyArn: arn() }) satisfies Schema<OriginSecretProps>;
