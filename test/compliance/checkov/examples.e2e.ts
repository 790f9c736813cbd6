/**
 * The checkov tier: checkov (terraform_json) over every example's synthesized
 * output must find no failed check apart from the reviewed skip list, and
 * every skip-list entry must still be needed by some example.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWithCheckov, DEFAULT_SKIP_LIST, loadSkipList } from '../../../compliance/checkov';
import { Finding } from '../../../compliance/types';
import { exampleNames, synthesizeExample } from '../../e2e/support/examples';

const workRoot = mkdtempSync(join(tmpdir(), 'tenantform-checkov-'));
afterAll(() => rmSync(workRoot, { recursive: true, force: true }));

const all: Finding[] = [];

describe.each(exampleNames())('example %s', (example) => {
  it('has no failed checkov check outside the skip list', async () => {
    const outdir = join(workRoot, example);
    synthesizeExample(example, outdir);
    const result = await checkWithCheckov([outdir]);
    all.push(...result.findings);
    expect(result.findings.filter((f) => f.status === 'pass').length).toBeGreaterThan(0);
    const failed = result.findings.filter((f) => f.status === 'fail' || f.status === 'unknown').map((f) => `${f.stack} ${f.address} ${f.ruleId}: ${f.title}`);
    expect(failed).toEqual([]);
  });
});

it('every skip-list entry still matches a failure somewhere (no stale skips)', () => {
  const used = new Set(all.filter((f) => f.suppressionReason?.startsWith('checkov skip list: ')).map((f) => f.ruleId));
  const unused = loadSkipList(DEFAULT_SKIP_LIST).filter((e) => !used.has(e.checkId)).map((e) => e.checkId);
  expect(unused).toEqual([]);
});
