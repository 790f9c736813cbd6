import { Rule } from '../../types';
import { CodeBuildInVpc } from './CodeBuildInVpc';
import { EksEndpointPrivate } from './EksEndpointPrivate';
import { EksNodesWithoutSsh } from './EksNodesWithoutSsh';
import { DefaultSecurityGroupLocked } from './DefaultSecurityGroupLocked';
import { NetworkAclSanity } from './NetworkAclSanity';
import { NoAdminPortsFromAnywhere } from './NoAdminPortsFromAnywhere';
import { NoOpenIngress } from './NoOpenIngress';
import { NoPublicIpInPrivateSubnets } from './NoPublicIpInPrivateSubnets';
import { PrivateApiSourceRestricted } from './PrivateApiSourceRestricted';
import { LambdaInVpc } from './LambdaInVpc';
import { OpenSearchInVpc } from './OpenSearchInVpc';

export { DefaultSecurityGroupLocked, NetworkAclSanity, NoAdminPortsFromAnywhere, NoOpenIngress, NoPublicIpInPrivateSubnets, EksEndpointPrivate, EksNodesWithoutSsh, CodeBuildInVpc, PrivateApiSourceRestricted, LambdaInVpc, OpenSearchInVpc };

/** The network-exposure rules, in ID order. */
export const rules: Rule[] = [NoOpenIngress, NoAdminPortsFromAnywhere, NoPublicIpInPrivateSubnets, DefaultSecurityGroupLocked, NetworkAclSanity, EksEndpointPrivate, EksNodesWithoutSsh, CodeBuildInVpc, PrivateApiSourceRestricted, LambdaInVpc, OpenSearchInVpc];
