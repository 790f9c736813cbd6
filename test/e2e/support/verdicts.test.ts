import { Finding } from '../../../compliance/types';
import { compareModes } from './verdicts';

function finding(status: Finding['status'], address: string, ruleId = 'TF-ENC-13', level: Finding['level'] = 'error'): Finding {
  return { ruleId, title: 't', category: 'encryption', level, status, stack: 's', address, message: 'm', remediation: 'r' };
}

describe('compareModes', () => {
  test('the same verdicts agree', () => {
    const findings = [finding('fail', 'aws_kms_key.a'), finding('pass', 'aws_kms_key.b')];
    expect(compareModes(findings, findings).disagreements).toEqual([]);
  });

  test('a config unknown that plan mode passes is resolved, and the gate may then pass', () => {
    const c = compareModes([finding('unknown', 'aws_kms_key.a')], [finding('pass', 'aws_kms_key.a')]);
    expect(c.disagreements).toEqual([]);
    expect(c.resolved).toEqual(['s TF-ENC-13 aws_kms_key.a']);
  });

  test.each([
    ['a config pass that plan mode fails', 'pass', 'fail'],
    ['a config pass that plan mode cannot judge', 'pass', 'unknown'],
    ['a config unknown that plan mode fails', 'unknown', 'fail'],
    ['a config fail that plan mode passes', 'fail', 'pass'],
    ['a suppression that plan mode loses', 'suppressed', 'fail'],
  ] as const)('%s disagrees', (_what, config, plan) => {
    expect(compareModes([finding(config, 'aws_kms_key.a')], [finding(plan, 'aws_kms_key.a')]).disagreements).toContainEqual(expect.stringContaining('aws_kms_key.a'));
  });

  test('an address only plan mode sees must pass; one only config mode sees must have been unknown', () => {
    expect(compareModes([], [finding('pass', 'module.m.aws_kms_key.k')]).disagreements).toEqual([]);
    expect(compareModes([], [finding('fail', 'module.m.aws_kms_key.k')]).disagreements).not.toEqual([]);
    expect(compareModes([finding('unknown', 'module.m')], []).disagreements).toEqual([]);
    expect(compareModes([finding('fail', 'aws_kms_key.a')], []).disagreements).not.toEqual([]);
  });

  test('the worst granular finding decides the verdict of an address', () => {
    const c = compareModes([finding('pass', 'aws_kms_key.a'), finding('fail', 'aws_kms_key.a')], [finding('pass', 'aws_kms_key.a')]);
    expect(c.disagreements).toEqual(expect.arrayContaining(['s TF-ENC-13 aws_kms_key.a: fail → pass']));
  });
});
