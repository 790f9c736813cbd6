import { arn, Schema, str, strict } from '../../../core/validation';
import type { OriginVerifyAclProps } from './origin-verify-acl';

export const OriginVerifyAclPropsSchema = strict({ stageArn: arn(), secret: str(), name: str() }) satisfies Schema<OriginVerifyAclProps>;
