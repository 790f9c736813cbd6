import { categoryOfCheck, parseCheckovOutput, runCheckovRaw } from '../../../compliance/checkov';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('running checkov', () => {
  it('reports TF-CKV-001 when the executable cannot be started', async () => {
    expect(await codeOf(runCheckovRaw(['x.tf.json'], '/nonexistent/checkov'))).toBe('TF-CKV-001');
  });

  it('reports TF-CKV-002 when the executable prints no JSON', async () => {
    // `true` exits 0 and prints nothing: not a checkov report.
    expect(await codeOf(runCheckovRaw(['x.tf.json'], 'true'))).toBe('TF-CKV-002');
  });

  it('reports TF-CKV-002 on exit codes other than 0 and 1', async () => {
    expect(await codeOf(runCheckovRaw(['x.tf.json'], 'sh'))).toBe('TF-CKV-002');
  });
});

describe('parseCheckovOutput', () => {
  const one = { check_type: 'terraform_json', results: { passed_checks: [], failed_checks: [] }, summary: { passed: 0, failed: 0 } };

  it('accepts one report, a list, and a bare summary (nothing scanned)', () => {
    expect(parseCheckovOutput(JSON.stringify(one))).toEqual([one]);
    expect(parseCheckovOutput(JSON.stringify([one, one]))).toHaveLength(2);
    expect(parseCheckovOutput(JSON.stringify({ passed: 0, failed: 0, skipped: 0 }))).toEqual([]);
  });

  it('throws on text that is not JSON', () => {
    expect(() => parseCheckovOutput('Traceback (most recent call last)')).toThrow('checkov did not print JSON');
  });
});

describe('categoryOfCheck', () => {
  it.each([
    ['CKV_AWS_3', 'Ensure all data stored in the EBS is securely encrypted', 'encryption'],
    ['CKV_AWS_231', 'Ensure no NACL allow ingress from 0.0.0.0:0 to port 3389', 'network-exposure'],
    ['CKV_AWS_66', 'Ensure that CloudWatch Log Group specifies retention days', 'logging'],
    ['CKV_AWS_60', 'Ensure IAM role allows only specific services or principals to assume it', 'least-privilege'],
    ['CKV_AWS_999', 'Ensure IAM users have MFA enabled', 'mfa'],
    ['CKV_AWS_998', 'Ensure deletion protection is enabled', 'resilience'],
  ])('%s -> %s', (id, name, category) => {
    expect(categoryOfCheck(id, name)).toBe(category);
  });
});
