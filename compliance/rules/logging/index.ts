import { Rule } from '../../types';
import { EksControlPlaneLogging } from './EksControlPlaneLogging';
import { AlbAccessLogs } from './AlbAccessLogs';
import { ApiGatewayAccessLogs } from './ApiGatewayAccessLogs';
import { ClassicElbAccessLogs } from './ClassicElbAccessLogs';
import { CloudFrontAccessLogs } from './CloudFrontAccessLogs';
import { CloudTrailLogging } from './CloudTrailLogging';
import { CloudTrailMultiRegionValidated } from './CloudTrailMultiRegionValidated';
import { VpcFlowLogs } from './VpcFlowLogs';
import { LambdaLogRetention } from './LambdaLogRetention';

export { AlbAccessLogs, ApiGatewayAccessLogs, ClassicElbAccessLogs, CloudFrontAccessLogs, CloudTrailLogging, CloudTrailMultiRegionValidated, VpcFlowLogs, EksControlPlaneLogging, LambdaLogRetention };

/** The logging rules, in ID order. */
export const rules: Rule[] = [VpcFlowLogs, CloudTrailMultiRegionValidated, AlbAccessLogs, ApiGatewayAccessLogs, CloudFrontAccessLogs, CloudTrailLogging, ClassicElbAccessLogs, EksControlPlaneLogging, LambdaLogRetention];
