import { Rule } from '../../types';
import { DefaultSecurityGroupLocked } from './DefaultSecurityGroupLocked';
import { NetworkAclSanity } from './NetworkAclSanity';
import { NoAdminPortsFromAnywhere } from './NoAdminPortsFromAnywhere';
import { NoOpenIngress } from './NoOpenIngress';
import { NoPublicIpInPrivateSubnets } from './NoPublicIpInPrivateSubnets';

export { DefaultSecurityGroupLocked, NetworkAclSanity, NoAdminPortsFromAnywhere, NoOpenIngress, NoPublicIpInPrivateSubnets };

/** The network-exposure rules, in ID order. */
export const rules: Rule[] = [NoOpenIngress, NoAdminPortsFromAnywhere, NoPublicIpInPrivateSubnets, DefaultSecurityGroupLocked, NetworkAclSanity];
