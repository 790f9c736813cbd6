import { bool, opt, Schema, str, strict, ref } from '../../core/validation';
import type { HumanGroupsProps } from './groups';

export const HumanGroupsPropsSchema = strict({ partition: str(), accountId: str(), breakGlassRoleArn: ref(), operatorRoleArn: ref(), developersMayOperate: opt(bool()) }) satisfies Schema<HumanGroupsProps>;
