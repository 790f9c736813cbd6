import { formatGithub, formatJson, formatJunit, formatSarif, formatText } from '../../../compliance/report';
import { displayPath } from '../../../compliance/report/location';
import { finding, summaryOf } from './support';

describe('findings point at a line in every format', () => {
  const located = finding({ constructPath: 'prod-platform/ci/policy', location: { file: `${process.cwd()}/cdktf.out/stacks/prod-platform/cdk.tf.json`, line: 42, column: 9 } });
  const fileOnly = finding({ address: 'aws_s3_bucket.b', location: { file: `${process.cwd()}/cdktf.out/stacks/prod-platform/cdk.tf.json` } });
  const input = { findings: [located, fileOnly], summary: summaryOf([located, fileOnly]), rules: [], sources: {} };

  it('text: file:line:column after the construct path, and nothing when only the file is known', () => {
    const lines = formatText(input, { color: false }).split('\n');
    expect(lines).toContain('  - prod-platform aws_iam_policy.ci_policy_1A2B3C4D (prod-platform/ci/policy) cdktf.out/stacks/prod-platform/cdk.tf.json:42:9: allows s3:PutObject on "*".');
    expect(lines).toContain('  - prod-platform aws_s3_bucket.b: allows s3:PutObject on "*".');
  });

  it('json: the location object as the engine wrote it', () => {
    const parsed = JSON.parse(formatJson(input)) as { findings: Array<{ location?: unknown }> };
    expect(parsed.findings[0]!.location).toEqual(located.location);
  });

  it('SARIF: physicalLocation.region with startLine and startColumn, and no region without a line', () => {
    const results = JSON.parse(formatSarif(input)).runs[0].results as Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: unknown } }> }>;
    expect(results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 42, startColumn: 9 });
    expect(results[1]!.locations[0]!.physicalLocation.region).toBeUndefined();
  });

  it('JUnit: file and line attributes on the test case, and the place in the failure text', () => {
    const xml = formatJunit(input);
    expect(xml).toContain('file="cdktf.out/stacks/prod-platform/cdk.tf.json" line="42">');
    expect(xml).toContain('At: cdktf.out/stacks/prod-platform/cdk.tf.json:42:9');
  });

  it('github: line= and col= on the annotation', () => {
    const out = formatGithub(input).split('\n');
    expect(out[0]).toMatch(/^::error file=cdktf\.out\/stacks\/prod-platform\/cdk\.tf\.json,line=42,col=9,title=/);
    expect(out[1]).toMatch(/^::error file=cdktf\.out\/stacks\/prod-platform\/cdk\.tf\.json,title=/);
  });

  it('names files outside the working directory by their full path', () => {
    expect(displayPath('/elsewhere/main.tf.json', '/repo')).toBe('/elsewhere/main.tf.json');
    expect(displayPath('/repo/a/main.tf.json', '/repo')).toBe('a/main.tf.json');
  });
});
