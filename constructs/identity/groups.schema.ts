import { arn, bool, opt, Schema, str, strict } from '../../core/validation';
import type { HumanGroupsProps } from './groups';

export const HumanGroupsPropsSchema = strict({ partition: str(), accountId: str(), breakGlassRoleArn: arn(), operatorRoleArn: arn(), developersMayOperate: opt(bool()) }) satisfies Schema<HumanGroupsProps>;
