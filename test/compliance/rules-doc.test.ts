import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../compliance/rules';
import { renderRulesDoc } from '../../compliance/rules-doc';

describe('RULES.md', () => {
  test('is up to date with the rule metadata (run `npm run rules:doc` when this fails)', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'RULES.md'), 'utf8')).toBe(renderRulesDoc(allRules));
  });

  test('lists every rule under its category', () => {
    const doc = renderRulesDoc(allRules);
    for (const r of allRules) expect(doc).toContain(`| ${r.meta.id} | ${r.meta.level}`);
  });
});
