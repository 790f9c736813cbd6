import type { AwsProvider } from '../../../core/aws';
import { construct, list, opt, Schema, str, strict, ref } from '../../../core/validation';
import type { DnsValidatedCertificateProps } from './dns-validated-certificate';

export const DnsValidatedCertificatePropsSchema = strict({
  domainName: str(),
  subjectAlternativeNames: opt(list(str())),
  hostedZoneId: ref(),
  provider: opt(construct<AwsProvider>()),
}) satisfies Schema<DnsValidatedCertificateProps>;
