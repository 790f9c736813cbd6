import { writeFileSync } from 'node:fs';
import { Format, formatReport, ReportInput } from '../../compliance/report';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes';

export interface ReportDestination {
  readonly format: Format;
  /** Write here instead of stdout. */
  readonly output?: string;
  readonly verbose?: boolean;
  /** Text: list suppressed and baselined findings one by one. */
  readonly showSuppressed?: boolean;
  /** Text: only what fails the gate, then the summary. */
  readonly quiet?: boolean;
}

/**
 * The last step of every reporting command (check, checkov, audit): format,
 * write to the file or stdout, and turn the summary into the exit code, so
 * the three commands cannot drift apart on the CLI contract.
 */
export function emitReport(input: ReportInput, to: ReportDestination): number {
  const toFile = to.output !== undefined;
  const report = formatReport(to.format, input, { color: colorWanted(!toFile && process.stdout.isTTY === true), verbose: to.verbose, showSuppressed: to.showSuppressed, quiet: to.quiet });
  if (toFile) {
    try {
      writeFileSync(to.output!, report);
    } catch (e) {
      process.stderr.write(`tenantform: cannot write ${to.output}: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
  } else {
    process.stdout.write(report);
  }
  return input.summary.failed ? EXIT_FINDINGS : EXIT_OK;
}

/** FORCE_COLOR turns colours on even when piped (CI logs that render ANSI); NO_COLOR always wins. */
function colorWanted(tty: boolean): boolean {
  const noColor = process.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return true;
  return tty;
}
