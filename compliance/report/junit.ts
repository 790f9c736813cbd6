import { Finding } from '../types';
import { displayPath, lineReference } from './location';
import { ReportInput, TOOL_NAME } from './tool';

/**
 * JUnit XML for CI test tabs: one suite per stack, one test case per
 * finding; fail and unknown are failures, suppressed are skipped.
 */
export function formatJunit(input: ReportInput): string {
  const byStack = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const list = byStack.get(f.stack);
    if (list === undefined) byStack.set(f.stack, [f]);
    else list.push(f);
  }
  const failures = (list: readonly Finding[]) => list.filter((f) => f.status === 'fail' || f.status === 'unknown').length;
  const skipped = (list: readonly Finding[]) => list.filter((f) => f.status === 'suppressed' || f.status === 'baselined').length;
  const suites = [...byStack].map(([stack, list]) => {
    const cases = list.map((f) => {
      const name = `${f.ruleId} ${f.address}${f.constructPath ? ` (${f.constructPath})` : ''}${f.finding ? ` [${f.finding}]` : ''}`;
      // `file` and `line` attributes are what CI test tabs (GitLab, Jenkins, dorny/test-reporter) link from.
      const file = f.location?.file ?? input.sources[f.stack];
      const place = `${file !== undefined ? ` file="${xml(displayPath(file))}"` : ''}${f.location?.line !== undefined ? ` line="${f.location.line}"` : ''}`;
      const open = `    <testcase classname="${xml(`${stack}.${f.category}`)}" name="${xml(name)}"${place}>`;
      if (f.status === 'fail' || f.status === 'unknown') {
        const at = lineReference(f);
        return `${open}\n      <failure type="${f.status}" message="${xml(f.message)}">${xml(`${f.title}\n${f.message}${at !== undefined ? `\nAt: ${at}` : ''}\nFix: ${f.remediation}`)}</failure>\n    </testcase>`;
      }
      if (f.status === 'suppressed') return `${open}\n      <skipped message="${xml(`suppressed: ${f.suppressionReason ?? ''}`)}"/>\n    </testcase>`;
      if (f.status === 'baselined') return `${open}\n      <skipped message="baselined: recorded in the --baseline file"/>\n    </testcase>`;
      return `${open}</testcase>`;
    });
    return `  <testsuite name="${xml(stack)}" tests="${list.length}" failures="${failures(list)}" errors="0" skipped="${skipped(list)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const all = input.findings;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${TOOL_NAME}" tests="${all.length}" failures="${failures(all)}" errors="0" skipped="${skipped(all)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function xml(s: string): string {
  // Characters XML 1.0 forbids are dropped; markup characters are escaped.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
