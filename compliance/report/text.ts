import pc from 'picocolors';
import { Finding } from '../types';
import { groupByRule, RuleGroup } from './group';
import { lineReference } from './location';
import { ruleDocUri } from './rule-docs';
import { ReportInput } from './tool';

export interface TextOptions {
  /** Colour the output; the CLI decides from NO_COLOR, FORCE_COLOR and the terminal. */
  readonly color: boolean;
  /** List passing checks too. */
  readonly verbose?: boolean;
  /** List each suppressed and baselined finding instead of a count per rule. */
  readonly showSuppressed?: boolean;
  /** Print only what fails the gate, then the summary. */
  readonly quiet?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

/**
 * The report for people reading a CI log: what fails the gate first, grouped
 * by rule so each rule's title, fix and documentation link print once, one
 * line per resource; suppressed findings only as counts; the summary last.
 */
export function formatText(input: ReportInput, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  const groups = groupByRule(input.findings);
  const gating = new Set(input.gating ?? input.findings.filter((f) => f.status === 'fail' || f.status === 'unknown'));
  for (const g of groups) {
    if (g.status !== 'fail' && g.status !== 'unknown') continue;
    const failing = g.findings.filter((f) => gating.has(f));
    // Below the --fail-on threshold: shown as warnings, never in --quiet.
    if (failing.length === 0 && options.quiet) continue;
    lines.push(...groupLines(g, c, failing.length > 0));
  }
  if (!options.quiet) {
    lines.push(...quietedLines(groups, c, options.showSuppressed === true));
    if (options.verbose) for (const g of groups.filter((x) => x.status === 'pass')) lines.push(...groupLines(g, c, false));
  }
  const s = input.summary;
  const verdict = s.failed ? c.red(c.bold('FAILED')) : c.green(c.bold('PASSED'));
  const counts = [c.green(`${s.pass} passed`), c.red(`${s.fail} failed`), c.magenta(`${s.unknown} unknown`), c.dim(`${s.suppressed} suppressed`)];
  if (s.baselined > 0) counts.push(c.dim(`${s.baselined} baselined`));
  lines.push(`${verdict} ${s.stacks} stack(s), ${s.rules} rule(s): ${counts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function label(g: RuleGroup, c: Colors, gates: boolean): string {
  if (g.status === 'unknown') return c.magenta(c.bold('UNKNOWN'));
  if (g.status === 'fail') return gates ? c.red(c.bold('FAIL')) : c.yellow(c.bold('WARN'));
  if (g.status === 'pass') return c.green('PASS');
  return c.dim(g.status.toUpperCase());
}

function groupLines(g: RuleGroup, c: Colors, gates: boolean): string[] {
  const n = g.findings.length;
  const out = [`${label(g, c, gates)} ${c.cyan(g.ruleId)} ${g.title} ${c.dim(`(${n} finding${n === 1 ? '' : 's'})`)}`];
  if (g.status !== 'pass') {
    out.push(`  ${c.dim('fix:')} ${g.remediation}`);
    out.push(`  ${c.dim('docs:')} ${ruleDocUri(g.ruleId)}`);
  }
  for (const f of g.findings) out.push(`  - ${findingLine(f, c)}`);
  out.push('');
  return out;
}

/** `stack address (construct path) file:line:column [finding]: message`, on one line. */
export function findingLine(f: Finding, c: Colors): string {
  const where = f.constructPath !== undefined ? ` ${c.dim(`(${f.constructPath})`)}` : '';
  const line = lineReference(f);
  const at = line !== undefined ? ` ${c.dim(line)}` : '';
  const key = f.finding !== undefined ? ` ${c.dim(`[${f.finding}]`)}` : '';
  return `${c.bold(f.stack)} ${f.address}${where}${at}${key}: ${oneLine(f.message)}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

/** Suppressed and baselined findings: a count per rule, or every one with its reason. */
function quietedLines(groups: readonly RuleGroup[], c: Colors, showEach: boolean): string[] {
  const out: string[] = [];
  for (const status of ['suppressed', 'baselined'] as const) {
    const list = groups.filter((g) => g.status === status);
    if (list.length === 0) continue;
    const total = list.reduce((n, g) => n + g.findings.length, 0);
    out.push(c.dim(`${total} ${status} finding(s)${showEach ? '' : ` (list them with --show-suppressed)`}:`));
    for (const g of list) {
      out.push(c.dim(`  ${g.ruleId} ×${g.findings.length}  ${g.title}`));
      if (showEach) for (const f of g.findings) out.push(c.dim(`    - ${findingLine(f, c)}${f.suppressionReason ? ` — ${oneLine(f.suppressionReason)}` : ''}`));
    }
    out.push('');
  }
  return out;
}
