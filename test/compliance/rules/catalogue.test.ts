/**
 * The rule catalogue's conventions, enforced: one rule per file, the file
 * named after the rule it exports, every rule built by the one kit, metadata
 * in the rule file, and a test file per rule that mirrors it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isKitRule } from '../../../compliance/rule-kit';
import { allRules } from '../../../compliance/rules';
import { Category, Rule } from '../../../compliance/types';

const root = join(__dirname, '..', '..', '..');
const rulesDir = join(root, 'compliance', 'rules');
const testsDir = join(root, 'test', 'compliance', 'rules');

const ID_PREFIX: Readonly<Record<Category, string>> = {
  mfa: 'MFA',
  'least-privilege': 'LP',
  encryption: 'ENC',
  'account-separation': 'SEP',
  'network-exposure': 'NET',
  logging: 'LOG',
  resilience: 'RES',
};

const categories = Object.keys(ID_PREFIX) as Category[];

function ruleFiles(category: Category): string[] {
  return readdirSync(join(rulesDir, category))
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
    .sort();
}

describe('rule catalogue', () => {
  it('has one folder per category and nothing else: the helpers rules share live in compliance/rule-helpers/', () => {
    const folders = readdirSync(rulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual([...categories].sort());
  });

  describe.each(categories)('%s', (category) => {
    const files = ruleFiles(category);

    it.each(files)('%s is a PascalCase file that exports one kit-built rule of the same name', (file) => {
      const name = file.replace(/\.ts$/, '');
      expect(name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(rulesDir, category, file)) as Record<string, unknown>;
      expect(Object.keys(mod)).toEqual([name]);
      const rule = mod[name] as Rule;
      expect(isKitRule(rule)).toBe(true);
      expect(rule.meta.category).toBe(category);
      expect(rule.meta.id).toMatch(new RegExp(`^TF-${ID_PREFIX[category]}-\\d+$`));
      expect(allRules).toContain(rule);
    });

    it.each(files)('%s takes its helpers from the rule kit', (file) => {
      const text = readFileSync(join(rulesDir, category, file), 'utf8');
      expect(text).not.toMatch(/from '\.\.\/\.\.\/rule-helpers\/(values|outcomes)'/);
      expect(text).not.toMatch(/from '\.\.\/\.\.\/values'/);
    });

    it.each(files)('%s has its own test file', (file) => {
      expect(existsSync(join(testsDir, category, file.replace(/\.ts$/, '.test.ts')))).toBe(true);
    });
  });

  it('has unique rule IDs and every registered rule lives in a file of its category', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    const filed = categories.flatMap((c) => ruleFiles(c).map((f) => `${c}/${f.replace(/\.ts$/, '')}`));
    expect(filed).toHaveLength(allRules.length);
  });

  it('has no test file without a rule beside it', () => {
    for (const category of categories) {
      const tests = existsSync(join(testsDir, category)) ? readdirSync(join(testsDir, category)).filter((f) => f.endsWith('.test.ts')) : [];
      const rules = new Set(ruleFiles(category).map((f) => f.replace(/\.ts$/, '.test.ts')));
      expect(tests.filter((t) => !rules.has(t))).toEqual([]);
    }
  });
});
