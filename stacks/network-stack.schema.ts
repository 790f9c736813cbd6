import { EnvironmentSchema, Schema, strict } from '../core/validation';
import { sharedVpcEntries } from '../constructs/network/shared-vpc.schema';
import type { NetworkStackProps } from './network-stack';

export const NetworkVpcSchema = strict(sharedVpcEntries) satisfies Schema<NetworkStackProps['vpc']>;

export const NetworkStackPropsSchema = strict({ environment: EnvironmentSchema, vpc: NetworkVpcSchema }) satisfies Schema<NetworkStackProps>;
