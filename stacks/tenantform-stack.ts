import { AwsProvider } from '../core/aws-stacks';
import * as path from 'node:path';
import { App, Aspects, Construct, LocalBackend, S3Backend, TerraformStack } from '../core/cdktf';
import {
  Environment,
  environmentRegions,
  holdsCustomerData,
  validateEnvironment,
  validateSeparation,
} from '../core/environment';
import { bindEnvironment } from '../core/environment-context';
import { EnvironmentSchema, validateProps } from '../core/validation';
import { TenantformError } from '../core/errors';
import { CUSTOMER_DATA_ALLOWED_TAG, ENVIRONMENT_TAG } from '../core/tags';
import { ENVIRONMENT_DECLARATION_PATH, environmentDeclaration } from '../core/environment-declaration';
import { ComplianceChecks } from '../compliance/aspect';
import { rules as accountSeparationRules } from '../compliance/rules/account-separation';

export interface TenantformStackProps {
  /** The one environment (account and region) this stack deploys into. */
  readonly environment: Environment;
}

/** Environments already bound to stacks, per app, for the cross-stack separation checks. */
const environmentsByApp = new WeakMap<Construct, Environment[]>();

/**
 * The account-separation rules of the compliance suite, run at synth time on
 * every tenantform stack. One instance for all stacks, so an app's stacks are
 * resolved once and share the run with `applyComplianceChecks`.
 */
const SEPARATION_CHECKS = new ComplianceChecks({ rules: accountSeparationRules });

/**
 * Base for every tenantform stack. It binds the stack to one environment:
 * the AWS provider may only touch that account (`allowed_account_ids`),
 * every resource carries the `environment` tag, and state lives in the
 * environment's own backend. At synth, the account-separation rules
 * (TF-SEP-*) check its JSON against the app's other stacks; a failure is an
 * error annotation on the offending construct and stops `cdktf synth`.
 */
export abstract class TenantformStack extends TerraformStack {
  public readonly environment: Environment;
  /** The provider for the environment's home region. */
  public readonly provider: AwsProvider;

  constructor(scope: Construct, id: string, props: TenantformStackProps) {
    // Checked before the stack joins the app: a stack refused here must not be synthesized half-built.
    const where = `${new.target.name} ${id}`;
    validateProps(EnvironmentSchema, props?.environment, `${where} environment`);
    validateEnvironment(props.environment, where);
    registerEnvironment(scope.node.root, props.environment, where);
    super(scope, id);
    this.environment = props.environment;
    bindEnvironment(this, props.environment);
    this.provider = this.providerFor(props.environment.region, undefined);
    this.configureBackend(id);
    this.addOverride(ENVIRONMENT_DECLARATION_PATH.join('.'), environmentDeclaration(props.environment));
    Aspects.of(this).add(SEPARATION_CHECKS);
  }

  /**
   * An AWS provider for another region of the same environment (for example
   * us-east-1 for CloudFront certificates). The region must be one the
   * environment allows.
   */
  public regionalProvider(region: string): AwsProvider {
    if (region === this.environment.region) return this.provider;
    const id = `aws-${region}`;
    const existing = this.node.tryFindChild(id);
    if (existing) return existing as AwsProvider;
    if (!environmentRegions(this.environment).includes(region)) {
      throw new TenantformError({
        code: 'TF-ENV-002',
        where: `${this.constructor.name} ${this.node.id}`,
        problem: `region is not allowed for environment "${this.environment.name}".`,
        value: region,
        fix: `add "${region}" to the environment's additionalRegions.`,
      });
    }
    return this.providerFor(region, region);
  }

  private providerFor(region: string, alias: string | undefined): AwsProvider {
    const e = this.environment;
    return new AwsProvider(this, alias ? `aws-${alias}` : 'aws', {
      region,
      alias,
      allowedAccountIds: [e.accountId],
      defaultTags: [
        {
          tags: {
            ...e.tags,
            [ENVIRONMENT_TAG]: e.name,
            [CUSTOMER_DATA_ALLOWED_TAG]: String(holdsCustomerData(e)),
            'managed-by': 'tenantform',
          },
        },
      ],
    });
  }

  private configureBackend(stackId: string): void {
    const state = this.environment.state;
    if (state.kind === 'local') {
      new LocalBackend(this, { path: path.join(localStateDirectory(this, state.directory), `${stackId}.tfstate`) });
      return;
    }
    new S3Backend(this, {
      bucket: state.bucket,
      key: `${state.keyPrefix ?? 'tenantform'}/${stackId}.tfstate`,
      region: state.region ?? this.environment.region,
      encrypt: true,
      kmsKeyId: state.kmsKeyId,
      dynamodbTable: state.dynamodbLockTable,
    });
    if (state.dynamodbLockTable === undefined) {
      // cdktf 0.21 predates S3-native locking in its typed config.
      this.addOverride('terraform.backend.s3.use_lockfile', true);
    }
  }
}

/**
 * Where local state lives: an absolute path, so cdktf's cross-stack remote
 * state (which copies the producer's path into each consumer) finds it from
 * any stack's folder, and outside the synth output, which cdktf rewrites and
 * prunes: a state file inside `cdktf.out/stacks/<stack>` vanished with its
 * stack when a tenant was removed. By default it sits beside the output
 * folder, in `.tenantform-state/<output folder name>/`.
 */
function localStateDirectory(stack: Construct, directory: string | undefined): string {
  if (directory !== undefined) return path.resolve(directory);
  const outdir = path.resolve(App.isApp(stack.node.root) ? stack.node.root.outdir : 'cdktf.out');
  return path.join(path.dirname(outdir), LOCAL_STATE_FOLDER, path.basename(outdir));
}

/** The folder beside the synth output that holds local state (tests and throwaway sandboxes only). */
export const LOCAL_STATE_FOLDER = '.tenantform-state';

function registerEnvironment(root: Construct, env: Environment, where: string): void {
  const known = environmentsByApp.get(root) ?? [];
  validateSeparation([...known, env], where);
  if (!known.some((k) => k.name === env.name)) known.push(env);
  environmentsByApp.set(root, known);
}
