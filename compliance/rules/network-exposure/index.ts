import { Rule } from '../../types';
import { EksEndpointPrivate } from './EksEndpointPrivate';
import { EksNodesWithoutSsh } from './EksNodesWithoutSsh';
import { DefaultSecurityGroupLocked } from './DefaultSecurityGroupLocked';
import { NetworkAclSanity } from './NetworkAclSanity';
import { NoAdminPortsFromAnywhere } from './NoAdminPortsFromAnywhere';
import { NoOpenIngress } from './NoOpenIngress';
import { NoPublicIpInPrivateSubnets } from './NoPublicIpInPrivateSubnets';

export { DefaultSecurityGroupLocked, NetworkAclSanity, NoAdminPortsFromAnywhere, NoOpenIngress, NoPublicIpInPrivateSubnets, EksEndpointPrivate, EksNodesWithoutSsh };

/** The network-exposure rules, in ID order. */
export const rules: Rule[] = [NoOpenIngress, NoAdminPortsFromAnywhere, NoPublicIpInPrivateSubnets, DefaultSecurityGroupLocked, NetworkAclSanity, EksEndpointPrivate, EksNodesWithoutSsh];
