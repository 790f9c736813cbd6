import { SecretsmanagerSecret, SecretsmanagerSecretVersion } from '../../core/aws';
import { Construct, Fn } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { suppress } from '../../core/suppressions';
import { validateProps } from '../../core/validation';
import { Grant, Grantee, grantSecretRead } from '../iam/grants';
import { ExternalIdSecretPropsSchema } from './external-id-secret.schema';

const RELATION_NAME = /^[a-z][a-z0-9-]{0,39}$/;

export interface ExternalIdSecretProps {
  /** Lowercase label of the relation it serves, e.g. `linked-analytics`; part of the secret's name. */
  readonly name: string;
  /** Customer-managed key that encrypts the secret. */
  readonly kmsKeyArn: string;
}

/**
 * The external ID one environment presents when it assumes a role another
 * environment's account holds for it (the confused-deputy guard of an
 * `external-id` trust edge). Terraform draws a random UUID once, keeps it in
 * Secrets Manager under a customer-managed key and never changes it on later
 * applies; the trusting side's `CrossAccountRole` is given the same value.
 * To rotate, replace the version (`terraform apply -replace`) and then update
 * the trusting role.
 */
export class ExternalIdSecret extends Construct {
  public readonly secret: SecretsmanagerSecret;
  public readonly version: SecretsmanagerSecretVersion;
  /** The external ID (a Terraform reference; sensitive in state and plan). */
  public readonly value: string;

  constructor(scope: Construct, id: string, props: ExternalIdSecretProps) {
    super(scope, id);
    const where = describeConstruct('ExternalIdSecret', this.node);
    validateProps(ExternalIdSecretPropsSchema, props, where);
    if (!RELATION_NAME.test(props.name)) {
      throw new TenantformError({ code: 'TF-XAC-006', where, problem: 'the relation name must be a lowercase label of 1-40 letters, digits and hyphens.', value: props.name, fix: 'use a name such as "linked-analytics".' });
    }
    const env = environmentOf(this, 'ExternalIdSecret');
    this.secret = new SecretsmanagerSecret(this, 'secret', {
      name: `tenantform/${env.name}/external-id/${props.name}`,
      description: `External ID ${env.name} presents when it assumes roles of the ${props.name} relation`,
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays: 30,
    });
    this.version = new SecretsmanagerSecretVersion(this, 'value', {
      secretId: this.secret.id,
      secretString: Fn.uuid(),
      lifecycle: { ignoreChanges: ['secret_string'] },
    });
    this.value = this.version.secretString;
    suppress(this.secret, 'CKV2_AWS_57', 'an external ID is a confused-deputy guard, not a credential; rotating it on a schedule would break every trust that names it, so it changes only by replacement');
  }

  /** Lets a role read the external ID (the role that assumes the other side's role). */
  public grantRead(grantee: Grantee): Grant {
    return grantSecretRead(this.secret, grantee, { id: `read-external-id-${this.node.id}` });
  }
}
