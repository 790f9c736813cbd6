import { toBeValidSarifLog } from '@microsoft/jest-sarif';
import { checkStacks, summarize } from '../../../compliance/engine';
import { formatJson, formatSarif, formatText, TOOL_VERSION } from '../../../compliance/report';
import { allRules } from '../../../compliance/rules';
import { fixtureStack } from '../support/compliance-fixtures';

expect.extend({ toBeValidSarifLog });

function input() {
  const stack = fixtureStack({
    resource: {
      aws_iam_policy: {
        admin: { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) },
        queue: {
          '//': { tenantform: { suppressions: [{ ruleId: 'TF-LP-3', reason: 'documented exception for the test' }] } },
          policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] }),
        },
        unknown: { policy: '${var.policy}' },
      },
    },
  });
  const findings = checkStacks([stack], allRules);
  return { findings, summary: summarize(findings, 1, allRules.length), rules: allRules, sources: { fixture: 'fixture/main.tf.json' } };
}

describe('reporters', () => {
  test('SARIF output is valid against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatSarif(input()));
    (expect(log) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog();
    const results = log.runs[0].results as Array<{ ruleId: string; suppressions?: unknown[]; properties: { status: string } }>;
    expect(results.filter((r) => r.suppressions).map((r) => r.ruleId)).toEqual(['TF-LP-3']);
    expect(results.some((r) => r.properties.status === 'unknown')).toBe(true);
    // The matcher really validates: a broken log is rejected.
    (expect({ ...log, version: '9.9' }) as unknown as { not: { toBeValidSarifLog(): void } }).not.toBeValidSarifLog();
  });

  test('json is { tool, summary, findings }', () => {
    const parsed = JSON.parse(formatJson(input()));
    expect(Object.keys(parsed)).toEqual(['tool', 'summary', 'findings']);
    expect(parsed.tool).toEqual({ name: 'tenantform', version: TOOL_VERSION });
  });

  test('text has ANSI colours only when asked', () => {
    expect(formatText(input(), { color: false })).not.toContain('\u001b[');
    expect(formatText(input(), { color: true })).toContain('\u001b[');
  });

  test('the tool version follows package.json', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(TOOL_VERSION).toBe(require('../../../package.json').version);
  });
});
