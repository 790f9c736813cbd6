import { SsmParameter } from '../../../core/aws';
import { validateProps } from '../../../core/validation';
import { OriginSecretPropsSchema } from './origin-secret.schema';
import { describeConstruct } from '../../../core/errors';
import { Construct, Fn } from '../../../core/cdktf';
import { environmentOf } from '../../../core/environment-context';

export interface OriginSecretProps {
  /** Customer-managed key that encrypts the parameter. */
  readonly kmsKeyArn: string;
}

/**
 * The shared secret CloudFront sends to the API and the API's WAF checks.
 * Terraform draws a random UUID once, keeps it in a KMS-encrypted SecureString
 * parameter and never changes it on later applies (value changes are
 * ignored); to rotate, replace the parameter (`terraform apply -replace`),
 * which updates CloudFront and the WAF in the same apply.
 */
export class OriginSecret extends Construct {
  public readonly parameter: SsmParameter;
  /** The secret value (a Terraform reference; sensitive in state and plan). */
  public readonly value: string;

  constructor(scope: Construct, id: string, props: OriginSecretProps) {
    super(scope, id);
    validateProps(OriginSecretPropsSchema, props, describeConstruct('OriginSecret', this.node));
    const env = environmentOf(this, 'OriginSecret');
    this.parameter = new SsmParameter(this, 'parameter', {
      name: `/tenantform/${env.name}/edge/origin-verify`,
      description: 'CloudFront-to-API origin secret; only requests carrying it reach the API',
      type: 'SecureString',
      keyId: props.kmsKeyArn,
      value: Fn.uuid(),
      lifecycle: { ignoreChanges: ['value'] },
    });
    this.value = this.parameter.value;
  }
}
