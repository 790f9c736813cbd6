import type { KmsKey } from '../../../core/aws';
import { byKey, construct, dict, int, list, literal, oneOf, opt, Schema, str, strict, union, v } from '../../../core/validation';
import type { LogBucketProps } from './log-bucket';

export const LogBucketPropsSchema = strict({
  purpose: str(),
  encryption: byKey('kind', [strict({ kind: literal('kms'), key: construct<KmsKey>() }), strict({ kind: literal('s3-managed'), reason: str() })]),
  writers: opt(
    list(
      strict({
        Sid: str(),
        Principal: dict(str()),
        Action: union([str(), list(str())]),
        on: oneOf(['bucket', 'objects'] as const),
        prefix: opt(str()),
        Condition: opt(v.record(str(), v.unknown())),
      }),
    ),
  ),
  retentionDays: opt(int()),
  objectOwnership: opt(oneOf(['BucketOwnerEnforced', 'BucketOwnerPreferred'] as const)),
}) satisfies Schema<LogBucketProps>;
