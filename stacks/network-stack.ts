import { isProduction } from '../core/environment';
import { guardArns, validateProps } from '../core/validation';
import { NetworkStackPropsSchema } from './network-stack.schema';
import { Construct, TerraformOutput } from '../core/cdktf';
import { NatMode, SharedVpc, SharedVpcProps } from '../constructs/network/shared-vpc';
import { TenantformStack, TenantformStackProps } from './tenantform-stack';

export interface NetworkStackProps extends TenantformStackProps {
  /** VPC settings; `cidrBlock` is required, the rest have secure defaults. */
  readonly vpc: Omit<SharedVpcProps, 'natGateways'> & {
    /**
     * NAT layout.
     * @default - 'per-az' in prod, 'single' elsewhere
     */
    readonly natGateways?: NatMode;
  };
}

/** The environment's network: one {@link SharedVpc} and its IDs as outputs. */
export class NetworkStack extends TenantformStack {
  public readonly network: SharedVpc;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    validateProps(NetworkStackPropsSchema, props, `NetworkStack ${id}`);
    super(scope, id, props);
    guardArns(props, props.environment, `NetworkStack ${id}`);
    const natGateways = props.vpc.natGateways ?? (isProduction(props.environment) ? 'per-az' : 'single');
    // The construct ID is part of every resource address; renaming it replaces the VPC.
    this.network = new SharedVpc(this, 'vpc', { ...props.vpc, natGateways });
    new TerraformOutput(this, 'vpc_id', { value: this.network.vpc.id });
    for (const tier of ['public', 'private', 'isolated'] as const) {
      new TerraformOutput(this, `${tier}_subnet_ids`, { value: this.network.subnets[tier].map((s) => s.id) });
    }
  }
}
