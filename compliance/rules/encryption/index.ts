import { Rule } from '../../types';
import { CodeArtifactCustomerKey } from './CodeArtifactCustomerKey';
import { EksSecretsEncrypted } from './EksSecretsEncrypted';
import { RdsTlsForced } from './RdsTlsForced';
import { BackupVaultEncrypted } from './BackupVaultEncrypted';
import { ApiGatewayDomainTls } from './ApiGatewayDomainTls';
import { ClassicElbListenerTls } from './ClassicElbListenerTls';
import { CloudFrontOriginTls } from './CloudFrontOriginTls';
import { CloudFrontViewerTls } from './CloudFrontViewerTls';
import { CloudTrailEncrypted } from './CloudTrailEncrypted';
import { EbsVolumeEncrypted } from './EbsVolumeEncrypted';
import { EcrRepositoryEncrypted } from './EcrRepositoryEncrypted';
import { InstanceBlockDevicesEncrypted } from './InstanceBlockDevicesEncrypted';
import { KmsKeyRotation } from './KmsKeyRotation';
import { LoadBalancerListenerTls } from './LoadBalancerListenerTls';
import { LogGroupEncrypted } from './LogGroupEncrypted';
import { OpenSearchEncrypted } from './OpenSearchEncrypted';
import { RdsStorageEncrypted } from './RdsStorageEncrypted';
import { S3BucketKmsEncrypted } from './S3BucketKmsEncrypted';
import { S3BucketTlsOnly } from './S3BucketTlsOnly';
import { SecretEncrypted } from './SecretEncrypted';
import { SnsTopicEncrypted } from './SnsTopicEncrypted';
import { SqsQueueEncrypted } from './SqsQueueEncrypted';
import { LambdaEnvironmentEncrypted } from './LambdaEnvironmentEncrypted';

export {
  CodeArtifactCustomerKey,
  EksSecretsEncrypted,
  RdsTlsForced,
  BackupVaultEncrypted,
  ApiGatewayDomainTls,
  ClassicElbListenerTls,
  CloudFrontOriginTls,
  CloudFrontViewerTls,
  CloudTrailEncrypted,
  EbsVolumeEncrypted,
  EcrRepositoryEncrypted,
  InstanceBlockDevicesEncrypted,
  KmsKeyRotation,
  LoadBalancerListenerTls,
  LogGroupEncrypted,
  OpenSearchEncrypted,
  RdsStorageEncrypted,
  S3BucketKmsEncrypted,
  S3BucketTlsOnly,
  SecretEncrypted,
  SnsTopicEncrypted,
  SqsQueueEncrypted,
  LambdaEnvironmentEncrypted,
};

/** The encryption rules (at rest and in transit), in ID order. */
export const rules: Rule[] = [
  EbsVolumeEncrypted,
  InstanceBlockDevicesEncrypted,
  RdsStorageEncrypted,
  S3BucketKmsEncrypted,
  S3BucketTlsOnly,
  SqsQueueEncrypted,
  SnsTopicEncrypted,
  LogGroupEncrypted,
  SecretEncrypted,
  OpenSearchEncrypted,
  CloudTrailEncrypted,
  EcrRepositoryEncrypted,
  KmsKeyRotation,
  LoadBalancerListenerTls,
  CloudFrontViewerTls,
  ApiGatewayDomainTls,
  ClassicElbListenerTls,
  CloudFrontOriginTls,
  EksSecretsEncrypted,
  RdsTlsForced,
  BackupVaultEncrypted,
  CodeArtifactCustomerKey,
  LambdaEnvironmentEncrypted,
];
