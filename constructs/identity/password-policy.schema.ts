import { int, opt, Schema, strict } from '../../core/validation';
import type { PasswordPolicyProps } from './password-policy';

export const PasswordPolicyPropsSchema = strict({ minimumLengthChars: opt(int()), maxAgeDays: opt(int()) }) satisfies Schema<PasswordPolicyProps>;
