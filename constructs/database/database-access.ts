import { SecurityGroup, VpcSecurityGroupIngressRule } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { boundedName } from './names';

export interface DatabaseSecurityGroupOptions {
  readonly name: string;
  readonly vpcId: string;
  readonly port: number;
  /** Source security groups by a stable label; each label names one ingress rule. */
  readonly allowedSecurityGroups: Readonly<Record<string, string>>;
  readonly tags: Record<string, string>;
}

/**
 * The database's security group: ingress on the database port from the named
 * source groups only, and no egress rules (a managed database opens no
 * connections of its own). Each rule is keyed by its source's label, never by
 * list position, so adding or removing one source leaves the others alone.
 */
export function databaseSecurityGroup(scope: Construct, o: DatabaseSecurityGroupOptions): SecurityGroup {
  const sg = new SecurityGroup(scope, 'security-group', {
    name: boundedName(o.name, 255),
    description: `${o.name}: PostgreSQL from its named client groups only`,
    vpcId: o.vpcId,
    tags: { ...o.tags, Name: o.name },
    // The description is fixed at creation (changing it replaces the group, which the database holds on to).
    lifecycle: { ignoreChanges: ['description'] },
  });
  for (const [label, sourceId] of Object.entries(o.allowedSecurityGroups)) {
    new VpcSecurityGroupIngressRule(scope, `ingress-from-${label}`, {
      securityGroupId: sg.id,
      description: `PostgreSQL from ${label}`,
      ipProtocol: 'tcp',
      fromPort: o.port,
      toPort: o.port,
      referencedSecurityGroupId: sourceId,
      tags: o.tags,
    });
  }
  return sg;
}
