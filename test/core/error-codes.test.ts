import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_AREAS, ERROR_CODES } from '../../core/error-codes';
import { errorCodeLiterals, errorCodeUses, renderErrorsDoc, SOURCE_FOLDERS } from '../../scripts/errors-doc';

const root = join(__dirname, '..', '..');
const catalogue: Record<string, string> = ERROR_CODES;

describe('error code catalogue', () => {
  const uses = errorCodeUses(root);

  test('every code the source raises is in the catalogue', () => {
    const missing = [...uses].filter(([code]) => !(code in catalogue)).map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  test('every catalogue entry is raised somewhere in the source', () => {
    expect(Object.keys(catalogue).filter((code) => !uses.has(code))).toEqual([]);
  });

  test('codes name a known area and have three digits; problems are one distinct sentence each', () => {
    for (const [code, problem] of Object.entries(catalogue)) {
      expect(code).toMatch(new RegExp(`^TF-(${Object.keys(ERROR_AREAS).join('|')})-\\d{3}$`));
      expect(problem).toMatch(/^\S[^\n]*\.$/);
    }
    const problems = Object.values(catalogue);
    expect(problems.filter((p, i) => problems.indexOf(p) !== i)).toEqual([]);
  });

  test('ERRORS.md is current (run `npm run errors:doc`)', () => {
    expect(readFileSync(join(root, 'ERRORS.md'), 'utf8')).toBe(renderErrorsDoc());
  });
});

describe('the scan behind it', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tenantform-error-codes-'));
    for (const folder of SOURCE_FOLDERS) mkdirSync(join(dir, folder, 'nested'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('GIVEN a nested module raising an uncatalogued code WHEN scanned THEN the code and its file are found', () => {
    writeFileSync(join(dir, 'constructs', 'nested', 'x.ts'), "throw new TenantformError({ code: 'TF-ZZZ-999' } as never);\nrange(\"TF-VPC-001\", 1);");
    expect([...errorCodeUses(dir)]).toEqual([
      ['TF-ZZZ-999', ['constructs/nested/x.ts']],
      ['TF-VPC-001', ['constructs/nested/x.ts']],
    ]);
  });

  test('the catalogue file itself does not count as a use, and rule IDs are not error codes', () => {
    mkdirSync(join(dir, 'core'), { recursive: true });
    writeFileSync(join(dir, 'core', 'error-codes.ts'), "'TF-VPC-001': 'x.',");
    writeFileSync(join(dir, 'compliance', 'nested', 'r.ts'), "id: 'TF-ENC-4', // see TF-VPC-002 in prose");
    expect(errorCodeUses(dir).size).toBe(0);
    expect(errorCodeLiterals('`TF-CHK-001` "TF-CHK-002"')).toEqual(['TF-CHK-001', 'TF-CHK-002']);
  });

  test('the doc groups codes by area and shows each problem', () => {
    expect(renderErrorsDoc({ 'TF-VPC-001': 'Bad | CIDR.' }, { VPC: 'Network', ENV: 'Environments' })).toContain('## Network (TF-VPC)\n\n| Code | Problem |\n| --- | --- |\n| <a id="tf-vpc-001"></a>`TF-VPC-001` | Bad \\| CIDR. |');
  });
});
