/** Writes RULES.md from rule metadata: `npm run rules:doc`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../compliance/rules';
import { renderRulesDoc } from '../compliance/rules-doc';

const target = join(__dirname, '..', 'RULES.md');
writeFileSync(target, renderRulesDoc(allRules));
process.stdout.write(`wrote ${target} (${allRules.length} rules)\n`);
