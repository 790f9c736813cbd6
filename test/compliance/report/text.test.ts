import { formatText } from '../../../compliance/report';
import { finding, summaryOf } from './support';

function render(findings: ReturnType<typeof finding>[], options: Partial<Parameters<typeof formatText>[1]> = {}): string[] {
  return formatText({ findings, summary: summaryOf(findings), rules: [], sources: {} }, { color: false, ...options }).trimEnd().split('\n');
}

describe('formatText', () => {
  const many = Array.from({ length: 20 }, (_, i) => finding({ ruleId: 'TF-LP-5', title: 'Ensure no unscoped privilege escalation', finding: `Escalation::${i}`, remediation: 'Scope the statement.' }));

  it('prints each rule\'s title, fix and docs link once, then one line per finding', () => {
    const lines = render(many);
    expect(lines.filter((l) => l.includes('fix: Scope the statement.'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('docs: ') && l.endsWith('RULES.md#tf-lp-5'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('  - prod-platform aws_iam_policy.ci_policy_1A2B3C4D [Escalation::'))).toHaveLength(20);
    expect(lines.at(-1)).toMatch(/^FAILED 1 stack\(s\), 50 rule\(s\): 0 passed, 20 failed/);
  });

  it('puts failures before unknowns before warnings, and the summary last', () => {
    const lines = render([
      finding({ ruleId: 'TF-LOG-1', level: 'warning', title: 'warn rule' }),
      finding({ ruleId: 'TF-ENC-1', status: 'unknown', title: 'unknown rule' }),
      finding({ ruleId: 'TF-NET-1', title: 'fail rule' }),
    ]);
    const headings = lines.filter((l) => /^(FAIL|UNKNOWN|WARN) /.test(l)).map((l) => l.split(' ')[0]);
    expect(headings).toEqual(['FAIL', 'UNKNOWN', 'FAIL']);
    expect(lines.at(-1)).toMatch(/^FAILED/);
  });

  it('shows warnings below the threshold as WARN when the caller says what gates', () => {
    const warn = finding({ ruleId: 'TF-LOG-1', level: 'warning' });
    const text = formatText({ findings: [warn], summary: { ...summaryOf([warn]), failed: false }, rules: [], sources: {}, gating: [] }, { color: false });
    expect(text).toMatch(/^WARN TF-LOG-1/m);
    expect(formatText({ findings: [warn], summary: { ...summaryOf([warn]), failed: false }, rules: [], sources: {}, gating: [] }, { color: false, quiet: true }).trimEnd().split('\n')).toHaveLength(1);
  });

  it('counts suppressed findings per rule unless --show-suppressed', () => {
    const suppressed = many.map((f) => ({ ...f, status: 'suppressed' as const, suppressionReason: 'CI manages workload roles within the boundary' }));
    const counted = render(suppressed);
    expect(counted).toContain('  TF-LP-5 ×20  Ensure no unscoped privilege escalation');
    expect(counted.some((l) => l.includes('CI manages'))).toBe(false);
    expect(counted.length).toBeLessThanOrEqual(4);
    const listed = render(suppressed, { showSuppressed: true });
    expect(listed.filter((l) => l.includes('CI manages'))).toHaveLength(20);
  });

  it('--quiet prints only what fails the gate, then the summary', () => {
    const lines = render([finding(), finding({ status: 'suppressed', ruleId: 'TF-ENC-4' }), finding({ status: 'pass', ruleId: 'TF-ENC-13' })], { quiet: true });
    expect(lines.some((l) => l.includes('suppressed finding'))).toBe(false);
    expect(lines[0]).toMatch(/^FAIL TF-LP-3/);
    expect(lines.at(-1)).toMatch(/^FAILED/);
  });

  it('shows the construct path beside the address', () => {
    const lines = render([finding({ constructPath: 'prod-platform/ci/policy' })]);
    expect(lines).toContain('  - prod-platform aws_iam_policy.ci_policy_1A2B3C4D (prod-platform/ci/policy): allows s3:PutObject on "*".');
  });

  it('keeps a multi-line message on one line', () => {
    expect(render([finding({ message: 'first\nsecond' })])).toContain('  - prod-platform aws_iam_policy.ci_policy_1A2B3C4D: first second');
  });
});
