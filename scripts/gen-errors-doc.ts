/** Writes ERRORS.md from the error catalogue: `npm run errors:doc`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../core/error-codes';
import { renderErrorsDoc } from './errors-doc';

const target = join(__dirname, '..', 'ERRORS.md');
writeFileSync(target, renderErrorsDoc());
process.stdout.write(`wrote ${target} (${Object.keys(ERROR_CODES).length} codes)\n`);
