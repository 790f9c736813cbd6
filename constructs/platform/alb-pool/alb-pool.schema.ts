import { Schema, arn, bool, int, known, list, opt, ref, str, strict } from '../../../core/validation';
import type { AlbPoolProps } from './alb-pool';
import type { Tls12PlusPolicy } from './tls-policies';

export const AlbPoolPropsSchema = strict({
  vpcId: ref(),
  vpcCidr: str(),
  subnetIds: list(ref()),
  certificateArn: arn(),
  accessLogBucket: ref(),
  accessLogPrefix: opt(str()),
  albCount: opt(int()),
  // TF-PLT-018 explains a weak policy.
  sslPolicy: opt(known<Tls12PlusPolicy>()),
  deletionProtection: opt(bool()),
}) satisfies Schema<AlbPoolProps>;
