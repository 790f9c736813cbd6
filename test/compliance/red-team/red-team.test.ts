/**
 * Runs every red-team case and control (cases/*.cases.ts) through the gate as
 * `tenantform check <folder>` would. A case the gate passes is a fail-open hole.
 */
import { loadCaseFiles } from './support/case-files';
import { gateVerdict, missedExpectation, moduleWorkspace, writeModule } from './support/red-team-case';

const files = loadCaseFiles();
const workspace = moduleWorkspace('unit');
afterAll(() => workspace.cleanup());

describe('red team', () => {
  it('has unique case and control IDs', () => {
    const ids = [...files.values()].flatMap((f) => [...(f.cases ?? []), ...(f.controls ?? [])].map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each([...files.keys()])('%s', (name) => {
    const file = files.get(name)!;
    const cases = file.cases ?? [];
    const controls = file.controls ?? [];

    if (cases.length > 0) {
      it.each(cases.map((c) => [c.id, c] as const))('never passes %s', (_id, c) => {
        const dir = workspace.dirFor(c.id);
        writeModule(dir, c.files);
        expect(missedExpectation(c, gateVerdict(dir))).toBeUndefined();
      });
    }

    if (controls.length > 0) {
      it.each(controls.map((c) => [c.id, c] as const))('passes the clean control %s', (_id, c) => {
        const dir = workspace.dirFor(c.id);
        writeModule(dir, c.files);
        const verdict = gateVerdict(dir);
        expect(verdict.kind === 'refused' ? [`refused: ${verdict.message}`] : verdict.failures.map((f) => `${f.ruleId} ${f.status} ${f.address}: ${f.message}`)).toEqual([]);
      });
    }
  });
});
