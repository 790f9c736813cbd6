import type { AwsProvider } from '../../core/aws';
import { construct, opt, Schema, str, strict } from '../../core/validation';
import type { RegionalSecurityProps } from './regional-security';

export const RegionalSecurityPropsSchema = strict({ region: str(), provider: opt(construct<AwsProvider>()) }) satisfies Schema<RegionalSecurityProps>;
