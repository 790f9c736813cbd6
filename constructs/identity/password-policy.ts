import { IamAccountPasswordPolicy } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { PasswordPolicyPropsSchema } from './password-policy.schema';
import { Construct } from '../../core/cdktf';
import { describeConstruct, TenantformError } from '../../core/errors';

export interface PasswordPolicyProps {
  /**
   * Minimum password length; 14 is the floor (CIS AWS Foundations).
   * @default 14
   */
  readonly minimumLengthChars?: number;
  /**
   * Days before a password must be changed; `undefined` or 0 turns expiry off.
   * @default 90
   */
  readonly maxAgeDays?: number;
}

/** Longest reuse history IAM supports; we always ask for all of it. */
export const PASSWORD_REUSE_PREVENTION = 24;

/** The account password policy: long passwords of every character class, never reused. */
export class PasswordPolicy extends Construct {
  public readonly policy: IamAccountPasswordPolicy;

  constructor(scope: Construct, id: string, props: PasswordPolicyProps = {}) {
    super(scope, id);
    validateProps(PasswordPolicyPropsSchema, props, describeConstruct('PasswordPolicy', this.node));
    const where = describeConstruct('PasswordPolicy', this.node);
    const minLength = props.minimumLengthChars ?? 14;
    const maxAge = props.maxAgeDays ?? 90;
    if (!Number.isInteger(minLength) || minLength < 14 || minLength > 128) {
      throw new TenantformError({ code: 'TF-IAM-011', where, problem: 'minimum password length must be a whole number from 14 to 128.', value: minLength, fix: 'use 14 or more.' });
    }
    if (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > 1095) {
      throw new TenantformError({ code: 'TF-IAM-011', where, problem: 'maximum password age must be 0 (no expiry) or 1 to 1095 days.', value: maxAge, fix: 'use e.g. 90.' });
    }
    this.policy = new IamAccountPasswordPolicy(this, 'policy', {
      minimumPasswordLength: minLength,
      requireLowercaseCharacters: true,
      requireUppercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      allowUsersToChangePassword: true,
      passwordReusePrevention: PASSWORD_REUSE_PREVENTION,
      ...(maxAge > 0 ? { maxPasswordAge: maxAge } : {}),
    });
  }
}
