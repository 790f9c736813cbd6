import { oneOf, opt, strict, union, v } from '../../core/validation';
import type { PolicyStatement } from './policy';

// Statement strings are IAM's own language (policy variables such as $${aws:username} are escaped by the kit that writes them), so they are type-checked here, not template-checked.
const oneOrMany = union([v.string(), v.array(v.string())]);

export const PolicyStatementSchema = strict({
  Sid: opt(v.string()),
  Effect: oneOf(['Allow', 'Deny'] as const),
  Principal: opt(v.unknown()),
  Action: opt(oneOrMany),
  NotAction: opt(oneOrMany),
  Resource: opt(oneOrMany),
  Condition: opt(v.record(v.string(), v.record(v.string(), v.unknown()))),
}) as unknown as v.GenericSchema<unknown, PolicyStatement>;
