import pc from 'picocolors';
import { Finding } from '../types';
import { ReportInput } from './tool';

export interface TextOptions {
  /** Colour the output; the CLI turns it off for NO_COLOR and non-TTY output. */
  readonly color: boolean;
  /** List passing checks too. */
  readonly verbose?: boolean;
}

/** Human-readable report: problems grouped by stack, then a one-line summary. */
export function formatText(input: ReportInput, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const status: Record<Finding['status'], (s: string) => string> = {
    fail: (s) => c.red(c.bold(s)),
    unknown: (s) => c.magenta(c.bold(s)),
    suppressed: (s) => c.dim(s),
    pass: (s) => c.green(s),
  };
  const lines: string[] = [];
  const shown = input.findings.filter((f) => options.verbose || f.status !== 'pass');
  const stacks = [...new Set(shown.map((f) => f.stack))];
  for (const stack of stacks) {
    lines.push(c.bold(c.underline(stack)));
    for (const f of shown.filter((x) => x.stack === stack)) {
      const label = f.status === 'fail' && f.level === 'warning' ? c.yellow(c.bold('WARN')) : status[f.status](f.status.toUpperCase());
      lines.push(`  ${label} ${c.cyan(f.ruleId)} ${f.address}${f.finding ? c.dim(` [${f.finding}]`) : ''}`);
      lines.push(`       ${f.message}`);
      if (f.status === 'suppressed') lines.push(c.dim(`       suppressed: ${f.suppressionReason ?? ''}`));
      else if (f.status !== 'pass') lines.push(c.dim(`       fix: ${f.remediation}`));
    }
    lines.push('');
  }
  const s = input.summary;
  const verdict = s.failed ? c.red(c.bold('FAILED')) : c.green(c.bold('PASSED'));
  lines.push(`${verdict} ${s.stacks} stack(s), ${s.rules} rule(s): ${c.green(`${s.pass} passed`)}, ${c.red(`${s.fail} failed`)}, ${c.magenta(`${s.unknown} unknown`)}, ${c.dim(`${s.suppressed} suppressed`)}`);
  return `${lines.join('\n')}\n`;
}
