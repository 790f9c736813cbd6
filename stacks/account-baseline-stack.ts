import { AccountBaseline, AccountBaselineProps } from '../constructs/identity/account-baseline';
import { guardArns, validateProps } from '../core/validation';
import { AccountBaselineStackPropsSchema } from './account-baseline-stack.schema';
import { Construct, TerraformOutput } from '../core/cdktf';
import { AwsProvider } from '../core/aws-stacks';
import { TenantformStack, TenantformStackProps } from './tenantform-stack';

export interface AccountBaselineStackProps extends TenantformStackProps, Omit<AccountBaselineProps, 'regionalProviders'> {}

/**
 * One environment account's baseline: identities, MFA, CI trust and security
 * services. Applied by a person through the break-glass role (CI cannot
 * change it), once per environment account.
 */
export class AccountBaselineStack extends TenantformStack {
  public readonly baseline: AccountBaseline;

  constructor(scope: Construct, id: string, props: AccountBaselineStackProps) {
    validateProps(AccountBaselineStackPropsSchema, props, `AccountBaselineStack ${id}`);
    super(scope, id, props);
    guardArns(props, props.environment, `AccountBaselineStack ${id}`);
    const { environment, ...baselineProps } = props;
    const regionalProviders: Record<string, AwsProvider> = {};
    for (const region of environment.additionalRegions ?? []) {
      if (region !== environment.region) regionalProviders[region] = this.regionalProvider(region);
    }
    // The construct ID is part of every resource address; renaming it replaces the baseline.
    this.baseline = new AccountBaseline(this, 'baseline', { ...baselineProps, regionalProviders });
    new TerraformOutput(this, 'break_glass_role_arn', { value: this.baseline.breakGlassRole.arn });
    new TerraformOutput(this, 'operator_role_arn', { value: this.baseline.operatorRole.arn });
    if (this.baseline.ciDeployRole) new TerraformOutput(this, 'ci_deploy_role_arn', { value: this.baseline.ciDeployRole.arn });
    new TerraformOutput(this, 'audit_trail_arn', { value: this.baseline.auditTrail.trail.arn });
  }
}
