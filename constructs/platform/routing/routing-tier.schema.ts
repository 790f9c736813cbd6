import { Schema, arn, bool, construct, int, known, list, opt, ref, str, strict } from '../../../core/validation';
import { FargateSizeSchema } from './fargate-size.schema';
import { PlacementSchema } from '../../platform-refs.schema';
import type { AlbPool } from '../alb-pool/alb-pool';
import type { Tls12PlusPolicy } from '../alb-pool/tls-policies';
import type { RoutingTierMode, RoutingTierProps } from './routing-tier';

export const RoutingTierPropsSchema = strict({
  vpcId: ref(),
  subnetIds: list(ref()),
  domain: str(),
  albPool: construct<AlbPool>(),
  placements: list(PlacementSchema),
  certificateArn: arn(),
  accessLogBucket: ref(),
  dataKmsKeyArn: arn(),
  logsKmsKeyArn: arn(),
  // TF-PLT-013 and TF-PLT-018 explain a wrong mode or policy.
  mode: opt(known<RoutingTierMode>()),
  rulesPerAlb: opt(int()),
  nlbClientCidrs: opt(list(str())),
  sslPolicy: opt(known<Tls12PlusPolicy>()),
  deletionProtection: opt(bool()),
  kongImageTag: opt(str()),
  kongSize: opt(FargateSizeSchema),
  kongMinTasks: opt(int()),
  kongMaxTasks: opt(int()),
}) satisfies Schema<RoutingTierProps>;
