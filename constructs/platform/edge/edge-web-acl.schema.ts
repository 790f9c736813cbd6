import type { AwsProvider } from '../../../core/aws';
import { construct, int, opt, Schema, str, strict } from '../../../core/validation';
import type { EdgeWebAclProps } from './edge-web-acl';

export const EdgeWebAclPropsSchema = strict({ name: str(), provider: construct<AwsProvider>(), rateLimitPer5Minutes: int(), description: opt(str()) }) satisfies Schema<EdgeWebAclProps>;
