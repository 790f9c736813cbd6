import { ref, Schema, strict } from '../../../core/validation';
import type { OriginSecretProps } from './origin-secret';

export const OriginSecretPropsSchema = strict({ kmsKeyArn: ref() }) satisfies Schema<OriginSecretProps>;
