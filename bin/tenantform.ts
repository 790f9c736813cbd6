#!/usr/bin/env node
/**
 * The `tenantform` command. The compliance engine has not landed yet, so this
 * prints usage and refuses to pretend it checked anything.
 */
const USAGE = `Usage: tenantform check [PATH...] [--format text|json|sarif|junit] [--output FILE] [--fail-on error|warning]

The compliance gate is not available in this version; no checks were run.`;

function main(argv: string[]): number {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
