import { CloudwatchLogGroup, SsmDocument } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { SessionManagerPropsSchema } from './session-manager.schema';
import { Construct } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { ENVIRONMENT_TAG } from '../../core/tags';
import { partitionOf } from './arn';
import { Grant, grant, Grantee } from '../iam/grants';
import { BaselineKey } from './kms-key';
import { iamVariable, PolicyStatement } from '../iam/policy';

/** Session Manager reads its account-wide preferences from a Session document of exactly this name. */
export const SESSION_PREFERENCES_DOCUMENT = 'SSM-SessionManagerRunShell';
/** Where session transcripts go. */
export const SESSION_LOG_GROUP = '/tenantform/ssm-sessions';
/** Alias of the key that encrypts sessions and their logs. */
export const SESSION_KEY_ALIAS = 'tenantform/ssm-sessions';

/** CloudWatch Logs retention periods AWS accepts. */
export const LOG_RETENTION_DAYS: readonly number[] = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export interface SessionManagerProps {
  /**
   * Days session transcripts are kept.
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * Minutes an idle session stays open.
   * @default 20
   */
  readonly idleTimeoutMinutes?: number;
}

/**
 * Operator shell access to hosts without SSH: Session Manager preferences that
 * encrypt every session with a customer-managed key and stream its transcript
 * to an encrypted log group. Who may start a session is the operator role's
 * business ({@link sessionOperatorStatements}).
 */
export class SessionManager extends Construct {
  public readonly key: BaselineKey;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly preferences: SsmDocument;

  constructor(scope: Construct, id: string, props: SessionManagerProps = {}) {
    super(scope, id);
    validateProps(SessionManagerPropsSchema, props, describeConstruct('SessionManager', this.node));
    const where = describeConstruct('SessionManager', this.node);
    const env = environmentOf(this, 'SessionManager');
    const partition = partitionOf(env.region);
    const retention = props.logRetentionDays ?? 365;
    if (!LOG_RETENTION_DAYS.includes(retention)) {
      throw new TenantformError({ code: 'TF-IAM-040', where, problem: 'log retention must be one of the periods CloudWatch Logs accepts.', value: retention, fix: `use one of ${LOG_RETENTION_DAYS.join(', ')}.` });
    }
    const idle = props.idleTimeoutMinutes ?? 20;
    if (!Number.isInteger(idle) || idle < 1 || idle > 60) {
      throw new TenantformError({ code: 'TF-IAM-041', where, problem: 'idle session timeout must be 1 to 60 minutes.', value: idle, fix: 'use e.g. 20.' });
    }
    const logGroupArn = `arn:${partition}:logs:${env.region}:${env.accountId}:log-group:${SESSION_LOG_GROUP}`;
    this.key = new BaselineKey(this, 'key', {
      description: 'Encrypts Session Manager sessions and their transcripts',
      alias: SESSION_KEY_ALIAS,
      partition,
      accountId: env.accountId,
      serviceStatements: [logsServiceKeyStatement(env, partition, logGroupArn)],
    });
    this.logGroup = new CloudwatchLogGroup(this, 'log-group', { name: SESSION_LOG_GROUP, retentionInDays: retention, kmsKeyId: this.key.key.arn });
    this.preferences = new SsmDocument(this, 'preferences', {
      name: SESSION_PREFERENCES_DOCUMENT,
      documentType: 'Session',
      documentFormat: 'JSON',
      content: JSON.stringify({
        schemaVersion: '1.0',
        description: 'tenantform: encrypted, logged operator sessions',
        sessionType: 'Standard_Stream',
        inputs: {
          kmsKeyId: this.key.key.keyId,
          cloudWatchLogGroupName: SESSION_LOG_GROUP,
          cloudWatchEncryptionEnabled: true,
          cloudWatchStreamingEnabled: true,
          s3BucketName: '',
          s3EncryptionEnabled: true,
          idleSessionTimeout: String(idle),
          runAsEnabled: false,
          runAsDefaultUser: '',
          shellProfile: { linux: '', windows: '' },
        },
      }),
    });
    this.preferences.node.addDependency(this.logGroup);
  }
}

function logsServiceKeyStatement(env: Environment, partition: string, logGroupArn: string): PolicyStatement {
  return {
    Sid: 'CloudWatchLogsEncryptsSessionLogs',
    Effect: 'Allow',
    Principal: { Service: `logs.${env.region}.amazonaws.com` },
    Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
    Resource: '*',
    Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
  };
}

/** The session key, found by its alias: stacks that grant it need not reference the baseline stack. */
function sessionKeyByAlias(env: Environment, partition: string): { resource: string; condition: Record<string, Record<string, string>> } {
  return {
    resource: `arn:${partition}:kms:${env.region}:${env.accountId}:key/*`,
    condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': `alias/${SESSION_KEY_ALIAS}` } },
  };
}

/**
 * What an operator needs to open a shell on this environment's hosts: start
 * sessions only on instances tagged with the environment, only with the
 * logged preferences document, only while signed in with MFA, and end only
 * their own sessions.
 */
export function sessionOperatorStatements(env: Environment): PolicyStatement[] {
  const partition = partitionOf(env.region);
  const mfa = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
  const key = sessionKeyByAlias(env, partition);
  return [
    {
      Sid: 'StartSessionOnEnvironmentHosts',
      Effect: 'Allow',
      Action: 'ssm:StartSession',
      Resource: `arn:${partition}:ec2:${env.region}:${env.accountId}:instance/*`,
      Condition: { ...mfa, StringEquals: { [`ssm:resourceTag/${ENVIRONMENT_TAG}`]: env.name } },
    },
    {
      Sid: 'OnlyTheLoggedSessionDocument',
      Effect: 'Allow',
      Action: 'ssm:StartSession',
      Resource: `arn:${partition}:ssm:${env.region}:${env.accountId}:document/${SESSION_PREFERENCES_DOCUMENT}`,
      Condition: { ...mfa, BoolIfExists: { 'ssm:SessionDocumentAccessCheck': 'true' } },
    },
    {
      Sid: 'OwnSessionsOnly',
      Effect: 'Allow',
      Action: ['ssm:TerminateSession', 'ssm:ResumeSession'],
      Resource: `arn:${partition}:ssm:${env.region}:${env.accountId}:session/${iamVariable('aws:userid')}-*`,
    },
    {
      Sid: 'FindHostsAndSessions',
      Effect: 'Allow',
      Action: ['ssm:DescribeSessions', 'ssm:GetConnectionStatus', 'ssm:DescribeInstanceInformation', 'ssm:DescribeInstanceProperties', 'ec2:DescribeInstances'],
      Resource: '*',
    },
    { Sid: 'EncryptSession', Effect: 'Allow', Action: ['kms:GenerateDataKey'], Resource: key.resource, Condition: key.condition },
  ];
}

/**
 * What a host's instance role needs so its sessions are encrypted and logged.
 * Built from names, not references, so tenant stacks can call it without
 * depending on the baseline stack.
 */
export function grantSessionLogging(grantee: Grantee, env: Environment): Grant {
  const partition = partitionOf(env.region);
  const logs = `arn:${partition}:logs:${env.region}:${env.accountId}:log-group`;
  const key = sessionKeyByAlias(env, partition);
  return grant(grantee, 'ssm-session-logging', [
    // The agent checks the group's encryption before streaming; the call is authorized per log group.
    { actions: ['logs:DescribeLogGroups'], resources: [`${logs}:*`] },
    { actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [`${logs}:${SESSION_LOG_GROUP}:*`] },
    { actions: ['kms:Decrypt'], resources: [key.resource], conditions: key.condition },
  ]);
}
