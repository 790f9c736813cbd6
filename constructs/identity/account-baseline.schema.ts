import { AwsProvider } from '../../core/aws';
import { bool, dict, int, known, list, objectOf, opt, Schema, str, strict } from '../../core/validation';
import type { AccountBaselineProps } from './account-baseline';
import type { DeployService } from './deploy-permissions';
import type { HumanGroupName } from './groups';

export const HumanUserSchema = strict({ name: str(), groups: list(known<HumanGroupName>()), console: bool(), pgpKey: opt(str()) });

export const accountBaselineEntries = {
  users: list(HumanUserSchema),
  passwordPolicy: opt(strict({ minimumLengthChars: opt(int()), maxAgeDays: opt(int()) })),
  maxMfaAgeSeconds: opt(int()),
  developersMayOperate: opt(bool()),
  ciDeploy: opt(
    strict({
      owner: str(),
      repository: str(),
      environment: opt(str()),
      forEnvironment: opt(str()),
      services: opt(list(known<DeployService>())),
      workloadPermissionsBoundaryArn: opt(str()),
    }),
  ),
  auditTrail: opt(
    strict({
      trailName: opt(str()),
      bucketName: opt(str()),
      bucketRetentionDays: opt(int()),
      objectLockDays: opt(int()),
      logRetentionDays: opt(int()),
      allowConfigDelivery: opt(bool()),
    }),
  ),
  awsConfig: opt(bool()),
  sessionManager: opt(strict({ logRetentionDays: opt(int()), idleTimeoutMinutes: opt(int()) })),
  regionalProviders: opt(dict(objectOf(AwsProvider))),
};

export const AccountBaselinePropsSchema = strict(accountBaselineEntries) satisfies Schema<AccountBaselineProps>;
