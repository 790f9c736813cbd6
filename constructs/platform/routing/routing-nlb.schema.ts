import { bool, known, list, opt, Schema, str, strict, ref } from '../../../core/validation';
import type { Tls12PlusPolicy } from '../alb-pool/tls-policies';
import type { RoutingNlbProps } from './routing-nlb';

export const RoutingNlbPropsSchema = strict({
  vpcId: ref(),
  subnetIds: list(ref()),
  accessLogBucket: ref(),
  accessLogPrefix: opt(str()),
  clientCidrs: opt(list(str())),
  deletionProtection: opt(bool()),
  sslPolicy: opt(known<Tls12PlusPolicy>()),
}) satisfies Schema<RoutingNlbProps>;
