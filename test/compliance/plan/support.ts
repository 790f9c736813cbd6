import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStacks } from '../../../compliance/engine';
import { allRules } from '../../../compliance/rules';
import { StackModel } from '../../../compliance/types';

/** Real `terraform show -json` output, made by test/compliance/fixtures/plan/generate.ts. */
export const PLAN_FIXTURES = join(__dirname, '..', 'fixtures', 'plan');

export function fixturePath(name: string): string {
  return join(PLAN_FIXTURES, name);
}

/** A fixture plan as parsed JSON, to derive hostile variants from real output. */
export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as Record<string, unknown>;
}

/** `status ruleId address` of every finding that is not a pass, sorted. */
export function verdicts(stacks: readonly StackModel[]): string[] {
  return checkStacks(stacks, allRules)
    .filter((f) => f.status !== 'pass')
    .map((f) => `${f.status} ${f.ruleId} ${f.address}`)
    .sort();
}

/** The status of one rule on one address (`pass` when it judged it and found nothing). */
export function statusOf(stacks: readonly StackModel[], ruleId: string, address: string): string[] {
  return checkStacks(stacks, allRules)
    .filter((f) => f.ruleId === ruleId && f.address === address)
    .map((f) => f.status);
}

/** A temp folder for one test, removed by the returned cleanup. */
export function tempDir(): { dir: string; write(name: string, content: unknown): string; copy(from: string, to: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tenantform-plan-'));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    },
    copy(from, to) {
      const path = join(dir, to);
      cpSync(from, path, { recursive: true });
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
