import type { AwsProvider } from '../../../core/aws';
import { construct, list, opt, Schema, str, strict, ref } from '../../../core/validation';
import type { PlatformDomainProps } from './platform-domain';

export const PlatformDomainPropsSchema = strict({
  domain: str(),
  hostedZoneId: opt(ref()),
  subjectAlternativeNames: opt(list(str())),
  cloudFrontProvider: construct<AwsProvider>(),
}) satisfies Schema<PlatformDomainProps>;
