import type { AwsProvider } from '../../../core/aws';
import { construct, int, oneOf, opt, Schema, str, strict } from '../../../core/validation';
import type { EdgeWebAclProps } from './edge-web-acl';

export const EdgeWebAclPropsSchema = strict({ name: str(), provider: construct<AwsProvider>(), rateLimitPer5Minutes: int(), description: opt(str()), scope: opt(oneOf(['CLOUDFRONT', 'REGIONAL'] as const)) }) satisfies Schema<EdgeWebAclProps>;
