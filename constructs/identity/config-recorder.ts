import { ConfigConfigurationRecorder, ConfigConfigurationRecorderStatus, ConfigDeliveryChannel, IamRole, IamRolePolicyAttachment } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { ConfigRecorderPropsSchema } from './config-recorder.schema';
import { describeConstruct } from '../../core/errors';
import { Construct } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { awsManagedPolicyArn, BASELINE_IAM_PATH, partitionOf } from './arn';
import { CONFIG_KEY_PREFIX } from './audit-trail';
import { policyJson } from '../iam/policy';

export interface ConfigRecorderProps {
  /** Bucket (name) that receives configuration snapshots; it must allow Config to write under `config/`. */
  readonly bucketName: string;
  /** KMS key ARN that encrypts deliveries. */
  readonly kmsKeyArn: string;
}

/**
 * AWS Config in the home region, recording every supported resource type and
 * the global (IAM) ones, so changes to the baseline itself leave a history.
 */
export class ConfigRecorder extends Construct {
  public readonly recorder: ConfigConfigurationRecorder;

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    validateProps(ConfigRecorderPropsSchema, props, describeConstruct('ConfigRecorder', this.node));
    const env = environmentOf(this, 'ConfigRecorder');
    const partition = partitionOf(env.region);
    const role = new IamRole(this, 'role', {
      name: 'tenantform-config-recorder',
      path: BASELINE_IAM_PATH,
      assumeRolePolicy: policyJson([
        { Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': env.accountId } } },
      ]),
    });
    new IamRolePolicyAttachment(this, 'role-policy', { role: role.name, policyArn: awsManagedPolicyArn(partition, 'service-role/AWS_ConfigRole') });
    this.recorder = new ConfigConfigurationRecorder(this, 'recorder', {
      name: 'tenantform',
      roleArn: role.arn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    const channel = new ConfigDeliveryChannel(this, 'delivery', {
      name: 'tenantform',
      s3BucketName: props.bucketName,
      s3KeyPrefix: CONFIG_KEY_PREFIX,
      s3KmsKeyArn: props.kmsKeyArn,
      dependsOn: [this.recorder],
    });
    new ConfigConfigurationRecorderStatus(this, 'status', { name: this.recorder.name, isEnabled: true, dependsOn: [channel] });
  }
}
