import { Schema, str, strict, ref } from '../../../core/validation';
import type { OriginVerifyAclProps } from './origin-verify-acl';

export const OriginVerifyAclPropsSchema = strict({ stageArn: ref(), secret: str(), name: str() }) satisfies Schema<OriginVerifyAclProps>;
