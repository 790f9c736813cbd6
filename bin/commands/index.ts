import { Command } from 'commander';
import * as audit from './audit';
import * as baseline from './baseline';
import * as check from './check';
import * as checkov from './checkov';
import * as planWaves from './plan-waves';
import * as rules from './rules';

/**
 * Every subcommand, one module each under bin/commands/. A module exports
 * `register(program)`; adding a command is one file plus one line here.
 */
export const COMMANDS: ReadonlyArray<{ register(program: Command): void }> = [
  audit,
  baseline,
  check,
  checkov,
  planWaves,
  rules,
];
