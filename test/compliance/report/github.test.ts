import { formatGithub } from '../../../compliance/report';
import { finding, summaryOf } from './support';

describe('formatGithub', () => {
  it('writes one ::error per gating finding with file, line and title, escaping the runner\'s separators', () => {
    const f = finding({ message: 'a: b, 100%\nnext', location: { file: '/repo/cdktf.out/stacks/prod-platform/cdk.tf.json', line: 42 } });
    const out = formatGithub({ findings: [f], summary: summaryOf([f]), rules: [], sources: {} }, '/repo').trimEnd().split('\n');
    expect(out[0]).toMatch(/^::error file=cdktf\.out\/stacks\/prod-platform\/cdk\.tf\.json,line=42,title=TF-LP-3 Ensure no policy allows write actions on every resource::/);
    expect(out[0]).toContain('a: b, 100%25%0Anext%0AFix: ');
    expect(out[0]).not.toContain('\n');
    expect(out.at(-1)).toMatch(/^FAILED/);
  });

  it('uses the stack source when the finding has no location, and ::warning for findings below the threshold', () => {
    const warn = finding({ level: 'warning', ruleId: 'TF-LOG-1' });
    const out = formatGithub({ findings: [warn], summary: summaryOf([warn]), rules: [], sources: { 'prod-platform': '/repo/x/cdk.tf.json' }, gating: [] }, '/repo');
    expect(out).toMatch(/^::warning file=x\/cdk\.tf\.json,title=TF-LOG-1/);
  });

  it('marks unknowns in the title and leaves passes, suppressed and baselined findings out', () => {
    const list = [finding({ status: 'unknown' }), finding({ status: 'pass' }), finding({ status: 'suppressed' }), finding({ status: 'baselined' })];
    const out = formatGithub({ findings: list, summary: summaryOf(list), rules: [], sources: {} }).trimEnd().split('\n');
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('title=TF-LP-3 (unknown) ');
  });
});
