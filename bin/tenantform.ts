#!/usr/bin/env node
/**
 * The `tenantform` command: the compliance gate over synthesized Terraform JSON.
 * Exit codes: 0 nothing unsuppressed fails, 1 something does, 2 usage error or
 * unreadable input.
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../compliance/report';
import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_USAGE } from './commands/exit-codes';

export function buildProgram(): Command {
  const program = new Command('tenantform')
    .description('Compliance gate for cdktf / Terraform JSON: MFA, least privilege, encryption, account separation, network exposure, logging, resilience.')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError();
  for (const command of COMMANDS) command.register(program);
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

/**
 * `tenantform rules | head` closes the pipe early: that is the reader saying
 * it has enough, not an error, so the process ends quietly instead of dying
 * with an EPIPE stack trace.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK);
    else throw e;
  });
}

export function main(argv: readonly string[]): void {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  const program = buildProgram();
  if (argv.length === 0) {
    program.outputHelp();
    process.exitCode = EXIT_USAGE;
    return;
  }
  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      const informational = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      process.exitCode = informational ? EXIT_OK : EXIT_USAGE;
      return;
    }
    throw e;
  }
}

if (require.main === module) main(process.argv.slice(2));
