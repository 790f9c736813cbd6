import { checkStacks } from '../../compliance/engine';
import { stackFromJson } from '../../compliance/model';
import { allRules } from '../../compliance/rules';
import { Finding } from '../../compliance/types';
import { buildFreeTierIds } from '../../examples/free-tier-ids/stack';
import { buildFreeTierHardened } from '../../examples/free-tier-hardened/stack';
import { TerraformStack } from '../../core/cdktf';
import { newApp, synthJson } from '../support/synth';

/** Synthesizes in-process and runs every rule of the suite, as the gate does. */
function gate(stack: TerraformStack, name: string): Finding[] {
  return checkStacks([stackFromJson(synthJson(stack), name, `${name} (in-process synth)`)], allRules);
}

const services = ['human-detection', 'intrusion-management-api', 'sites-management-api', 'web-ui-client', 'web-ui-management', 'idp'];

/** Every weakness the weak example's README admits, as `ruleId @ address`. */
const ADMITTED = [
  // Root volumes come from the ECS AMI unencrypted: launch templates map no encrypted EBS root.
  ...services.map((s) => `TF-ENC-2 @ aws_launch_template.${s}-launch-template`),
  // API Gateway reaches the load balancer over plain HTTP.
  'TF-ENC-14 @ aws_lb_listener.elb-http',
  'TF-NET-1 @ aws_security_group.lb-security-group',
  // SSH from every IPv4 address, on every service.
  ...services.map((s) => `TF-NET-2 @ aws_security_group.${s}-security-group`),
  // "Private" subnets that hand out public IPs (no NAT gateway on the free tier).
  ...services.flatMap((s) => [`TF-NET-3 @ aws_subnet.${s}-eu-west-3a`, `TF-NET-3 @ aws_subnet.${s}-eu-west-3b`]),
  'TF-NET-4 @ aws_vpc.vpc',
  // No subnet is associated with a network ACL, so all fall back to the VPC's default allow-all NACL.
  ...services.flatMap((s) => [`TF-NET-5 @ aws_subnet.${s}-eu-west-3a`, `TF-NET-5 @ aws_subnet.${s}-eu-west-3b`]),
  'TF-NET-5 @ aws_subnet.default-subnet-public-eu-west-3a',
  'TF-NET-5 @ aws_subnet.default-subnet-public-eu-west-3b',
  'TF-LOG-1 @ aws_vpc.vpc',
  'TF-LOG-3 @ aws_lb.elb',
  'TF-LOG-4 @ aws_api_gateway_stage.gateway-stage',
  'TF-RES-4 @ aws_lb.elb',
  // The two APIs with a local database container run as a single task.
  'TF-RES-7 @ aws_ecs_service.intrusion-management-api-service',
  'TF-RES-7 @ aws_ecs_service.sites-management-api-service',
].sort();

describe('examples/free-tier-ids', () => {
  it('GIVEN the weak free-tier system THEN the gate flags exactly its admitted weaknesses, all as failures', () => {
    const findings = gate(buildFreeTierIds(newApp()), 'free-tier-ids');
    const flagged = findings.filter((f) => f.status !== 'pass' && f.status !== 'suppressed');
    expect(flagged.every((f) => f.status === 'fail')).toBe(true);
    expect([...new Set(flagged.map((f) => `${f.ruleId} @ ${f.address}`))].sort()).toEqual(ADMITTED);
  });

  it('flags the SSH rule itself, so the finding can be traced to one permission', () => {
    const ssh = gate(buildFreeTierIds(newApp()), 'free-tier-ids').filter((f) => f.ruleId === 'TF-NET-2' && f.status === 'fail');
    expect(new Set(ssh.map((f) => f.finding))).toEqual(new Set(['Ingress::tcp:22-22:0.0.0.0/0:SSH']));
  });
});

describe('examples/free-tier-hardened', () => {
  it('GIVEN the hardened variant THEN no finding is an unsuppressed fail or unknown', () => {
    const findings = gate(buildFreeTierHardened(newApp()), 'free-tier-hardened');
    const open = findings.filter((f) => f.status === 'fail' || f.status === 'unknown').map((f) => `${f.status} ${f.ruleId} @ ${f.address}: ${f.message}`);
    expect(open).toEqual([]);
  });

  it('suppresses only what AWS cannot do otherwise, each with its reason', () => {
    const suppressed = gate(buildFreeTierHardened(newApp()), 'free-tier-hardened').filter((f) => f.status === 'suppressed');
    expect(suppressed.map((f) => `${f.ruleId} @ ${f.address}`).sort()).toEqual([
      'TF-ENC-4 @ aws_s3_bucket.elb-access-logs',
    ]);
    expect(suppressed.every((f) => (f.suppressionReason ?? '').length >= 10)).toBe(true);
  });
});
