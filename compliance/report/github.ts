/**
 * GitHub Actions workflow commands: one `::error` (or `::warning`) line per
 * finding that fails the gate or is a warning, so findings show on the pull
 * request without a SARIF upload, then the summary as plain text.
 */
import { Finding } from '../types';
import { displayPath } from './location';
import { ruleDocUri } from './rule-docs';
import { ReportInput } from './tool';

export function formatGithub(input: ReportInput, cwd: string = process.cwd()): string {
  const gating = new Set(input.gating ?? input.findings.filter((f) => f.status === 'fail' || f.status === 'unknown'));
  const lines: string[] = [];
  for (const f of input.findings) {
    if (f.status !== 'fail' && f.status !== 'unknown') continue;
    const command = gating.has(f) ? 'error' : 'warning';
    const file = f.location?.file ?? input.sources[f.stack];
    const props: string[] = [];
    if (file !== undefined) props.push(`file=${property(displayPath(file, cwd))}`);
    if (f.location?.line !== undefined) props.push(`line=${f.location.line}`);
    if (f.location?.line !== undefined && f.location.column !== undefined) props.push(`col=${f.location.column}`);
    props.push(`title=${property(`${f.ruleId} ${f.status === 'unknown' ? '(unknown) ' : ''}${f.title}`)}`);
    lines.push(`::${command} ${props.join(',')}::${data(message(f))}`);
  }
  const s = input.summary;
  lines.push(`${s.failed ? 'FAILED' : 'PASSED'} ${s.stacks} stack(s), ${s.rules} rule(s): ${s.pass} passed, ${s.fail} failed, ${s.unknown} unknown, ${s.suppressed} suppressed, ${s.baselined} baselined`);
  return `${lines.join('\n')}\n`;
}

function message(f: Finding): string {
  const where = `${f.stack} ${f.address}${f.constructPath ? ` (${f.constructPath})` : ''}${f.finding ? ` [${f.finding}]` : ''}`;
  return `${where}: ${f.message}\nFix: ${f.remediation}\nDocs: ${ruleDocUri(f.ruleId)}`;
}

/** Escapes the message part of a workflow command, as the runner decodes it. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape the separators `:` and `,`. */
function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
