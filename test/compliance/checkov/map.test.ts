import { NetworkAcl, Vpc } from '../../../core/aws';
import { mapCheckovResults, resourceOf } from '../../../compliance/checkov';
import { CheckovCheck, CheckovReport } from '../../../compliance/checkov/raw';
import { stackFromJson } from '../../../compliance/model';
import { TerraformStack } from '../../../core/cdktf';
import { suppress } from '../../../core/suppressions';
import { newApp, synthJson } from '../../support/synth';

const FILE = '/out/stacks/net/cdk.tf.json';

/** A real synthesized stack: one VPC, two NACLs, one of them carrying our suppression of CKV_AWS_231. */
function netStack() {
  const stack = new TerraformStack(newApp(), 'net');
  const vpc = new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' });
  new NetworkAcl(stack, 'open', { vpcId: vpc.id });
  const quiet = new NetworkAcl(stack, 'quiet', { vpcId: vpc.id });
  suppress(quiet, 'CKV_AWS_231', 'return traffic only; no host listens on 3389');
  return stackFromJson(synthJson(stack), 'net', FILE);
}

function check(id: string, resource: string, extra: Partial<CheckovCheck> = {}): CheckovCheck {
  return { check_id: id, check_name: `Ensure no NACL allow ingress from 0.0.0.0:0 to port 3389`, check_result: { result: 'FAILED' }, file_abs_path: FILE, resource, check_class: 'checkov.terraform.checks.resource.aws.NetworkACLUnrestrictedIngress3389', ...extra };
}

function report(failed: CheckovCheck[], passed: CheckovCheck[] = []): CheckovReport {
  return { check_type: 'terraform_json', results: { failed_checks: failed, passed_checks: passed }, summary: { passed: passed.length, failed: failed.length } };
}

describe('mapCheckovResults', () => {
  it('GIVEN checkov names cdktf resources without their type THEN the finding carries the full Terraform address', () => {
    const model = netStack();
    const findings = mapCheckovResults({ reports: [report([check('CKV_AWS_231', 'resource.open')])], stacks: [{ model, files: [FILE] }], skipList: [] });
    expect(findings).toEqual([
      {
        ruleId: 'CKV_AWS_231',
        title: 'Ensure no NACL allow ingress from 0.0.0.0:0 to port 3389',
        category: 'network-exposure',
        level: 'error',
        status: 'fail',
        stack: 'net',
        address: 'aws_network_acl.open',
        message: 'checkov CKV_AWS_231 failed on aws_network_acl.open: Ensure no NACL allow ingress from 0.0.0.0:0 to port 3389.',
        remediation: "See checkov's documentation of CKV_AWS_231 (checkov.terraform.checks.resource.aws.NetworkACLUnrestrictedIngress3389).",
      },
    ]);
  });

  it('GIVEN our suppression names the check ID THEN that resource is suppressed with its reason and the other still fails', () => {
    const model = netStack();
    const findings = mapCheckovResults({ reports: [report([check('CKV_AWS_231', 'resource.open'), check('CKV_AWS_231', 'resource.quiet')])], stacks: [{ model, files: [FILE] }], skipList: [] });
    expect(findings.map((f) => [f.address, f.status, f.suppressionReason])).toEqual([
      ['aws_network_acl.open', 'fail', undefined],
      ['aws_network_acl.quiet', 'suppressed', 'return traffic only; no host listens on 3389'],
    ]);
  });

  it('GIVEN a skip-list entry for the check and type THEN failures become suppressed, other types still fail', () => {
    const model = netStack();
    const skipList = [{ checkId: 'CKV_AWS_231', resourceTypes: ['aws_network_acl'], reason: 'stateless return traffic' }];
    const other = check('CKV_AWS_231', 'resource.vpc', { check_name: 'x' });
    const findings = mapCheckovResults({ reports: [report([check('CKV_AWS_231', 'resource.open'), other])], stacks: [{ model, files: [FILE] }], skipList });
    expect(findings.map((f) => [f.address, f.status, f.suppressionReason])).toEqual([
      ['aws_network_acl.open', 'suppressed', 'checkov skip list: stateless return traffic'],
      ['aws_vpc.vpc', 'fail', undefined],
    ]);
  });

  it('GIVEN passed checks THEN they are reported as pass findings', () => {
    const model = netStack();
    const passed = check('CKV2_AWS_12', 'aws_vpc.vpc', { check_name: 'Ensure the default security group of every VPC restricts all traffic', check_result: { result: 'PASSED' } });
    const findings = mapCheckovResults({ reports: [report([], [passed])], stacks: [{ model, files: [FILE] }], skipList: [] });
    expect(findings.map((f) => [f.ruleId, f.status, f.address, f.category])).toEqual([['CKV2_AWS_12', 'pass', 'aws_vpc.vpc', 'network-exposure']]);
  });

  it('GIVEN a name that matches no resource THEN the address stays as checkov wrote it', () => {
    expect(resourceOf(netStack(), 'resource.nope')).toBeUndefined();
  });
});
