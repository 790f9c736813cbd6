import type { IamGroup } from '../../core/aws';
import { construct, dict, list, Schema, strict } from '../../core/validation';
import { HumanUserSchema } from './account-baseline.schema';
import type { HumanUsersProps } from './users';

export const HumanUsersPropsSchema = strict({ users: list(HumanUserSchema), groups: dict(construct<IamGroup>()) }) as unknown as Schema<HumanUsersProps>;
