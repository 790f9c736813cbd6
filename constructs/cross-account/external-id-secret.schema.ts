import { Schema, arn, str, strict } from '../../core/validation';
import type { ExternalIdSecretProps } from './external-id-secret';

export const ExternalIdSecretPropsSchema = strict({ name: str(), kmsKeyArn: arn() }) satisfies Schema<ExternalIdSecretProps>;
