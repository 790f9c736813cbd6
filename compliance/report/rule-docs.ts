/**
 * Where each rule is documented. RULES.md is generated from the rule files
 * (`npm run rules:doc`) with one `### TF-XXX-n` heading per rule, so the
 * lowercased ID is a stable anchor on GitHub and in any Markdown viewer.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `TF-LP-3` → `tf-lp-3`, the anchor of its heading in RULES.md. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

/**
 * The URI of a rule's documentation. `TENANTFORM_RULES_DOC_URL` (e.g. the
 * RULES.md of your fork on GitHub) wins; otherwise the RULES.md shipped in
 * this package, as a file URI, so the link works wherever the CLI runs.
 */
export function ruleDocUri(ruleId: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.TENANTFORM_RULES_DOC_URL;
  const doc = base !== undefined && base !== '' ? base.replace(/#.*$/, '') : packagedRulesDoc();
  return `${doc}#${ruleAnchor(ruleId)}`;
}

let cached: string | undefined;

/** The package's RULES.md: found by walking up from this file (source tree and dist/ both work). */
function packagedRulesDoc(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'RULES.md')) && existsSync(join(dir, 'package.json'))) break;
    const up = dirname(dir);
    if (up === dir) {
      dir = __dirname;
      break;
    }
    dir = up;
  }
  cached = pathToFileURL(join(dir, 'RULES.md')).href;
  return cached;
}
