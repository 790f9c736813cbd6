import { SecurityGroup, VpcSecurityGroupEgressRule } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { TenantformError } from '../../core/errors';

/**
 * The security group every compute construct of the kit starts from: no
 * ingress, HTTPS out (AWS APIs and registries, through NAT or endpoints), and
 * any other egress only as granted, one rule per destination group.
 *
 * Construct IDs and descriptions are the caller's: they are part of each
 * construct's contract, and a changed group description replaces the group.
 */
export interface WorkloadSecurityGroupOptions {
  /** Construct ID of the group. */
  readonly id: string;
  /** Construct ID of its HTTPS egress rule. */
  readonly httpsOutId: string;
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  /** The group's Name tag: the construct path that owns it. */
  readonly nameTag: string;
  /** Description of the HTTPS egress rule. */
  readonly httpsOutDescription: string;
}

export function workloadSecurityGroup(scope: Construct, options: WorkloadSecurityGroupOptions): SecurityGroup {
  const group = new SecurityGroup(scope, options.id, { name: options.name, description: options.description, vpcId: options.vpcId, tags: { Name: options.nameTag } });
  new VpcSecurityGroupEgressRule(scope, options.httpsOutId, {
    securityGroupId: group.id,
    description: options.httpsOutDescription,
    ipProtocol: 'tcp',
    fromPort: 443,
    toPort: 443,
    cidrIpv4: '0.0.0.0/0',
  });
  return group;
}

/** One granted egress: TCP on one port to one other security group (a database, say). Label and port are checked first. */
export function allowEgressToGroup(scope: Construct, where: string, rule: { readonly id: string; readonly securityGroupId: string; readonly label: string; readonly description: string; readonly destinationSecurityGroupId: string; readonly port: number }): VpcSecurityGroupEgressRule {
  checkRuleLabel(rule.label, where);
  checkPort(rule.port, where);
  return new VpcSecurityGroupEgressRule(scope, rule.id, {
    securityGroupId: rule.securityGroupId,
    description: rule.description,
    ipProtocol: 'tcp',
    fromPort: rule.port,
    toPort: rule.port,
    referencedSecurityGroupId: rule.destinationSecurityGroupId,
  });
}

/** A security-group rule label: part of a construct ID and a description. */
export function checkRuleLabel(label: string, where: string): void {
  if (typeof label !== 'string' || !/^[a-z0-9][a-z0-9-]{0,39}$/.test(label)) {
    throw new TenantformError({ code: 'TF-FN-017', where, problem: 'a network rule label must be a lowercase label of 1-40 letters, digits and hyphens.', value: label, fix: 'name what is on the other side, e.g. "metadata-db".' });
  }
}

/** A TCP port a rule opens. */
export function checkPort(port: number, where: string): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new TenantformError({ code: 'TF-FN-017', where, problem: 'a network rule port must be a whole number from 1 to 65535.', value: port, fix: 'use the service port, e.g. 5432 for PostgreSQL.' });
  }
}
