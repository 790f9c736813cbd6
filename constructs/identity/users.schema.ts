import type { IamGroup } from '../../core/aws';
import { construct, dict, list, Schema, strict, v } from '../../core/validation';
import { HumanUserSchema } from './account-baseline.schema';
import type { HumanUsersProps } from './users';

export const HumanUsersPropsSchema = strict({ users: list(HumanUserSchema), groups: dict(construct<IamGroup>()) }) as unknown as Schema<HumanUsersProps>;

/** Enough shape for the user checks to read safely; they report forbidden keys and a missing console decision with their own codes. */
export const HumanUsersShapeSchema = strict({ users: list(v.record(v.string(), v.unknown())), groups: dict(construct<IamGroup>()) });
