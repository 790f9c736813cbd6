import { arn, int, known, list, opt, Schema, str, strict } from '../../core/validation';
import type { CiDeployRoleProps } from './ci-deploy-role';
import type { DeployService } from './deploy-permissions';

export const CiDeployRolePropsSchema = strict({
  oidcProviderArn: arn(),
  // TF-IAM-030/031 explain bad names and wildcards.
  github: strict({ owner: str(), repository: str(), environment: opt(str()) }),
  // TF-IAM-032 explains an unknown service.
  services: opt(list(known<DeployService>())),
  maxSessionDurationSeconds: opt(int()),
  // TF-IAM-034 explains a name IAM would refuse.
  name: opt(str()),
}) satisfies Schema<CiDeployRoleProps>;
