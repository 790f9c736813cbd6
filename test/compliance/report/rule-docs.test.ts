import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleAnchor, ruleDocUri } from '../../../compliance/report';
import { allRules } from '../../../compliance/rules';

describe('rule documentation links', () => {
  it('point at a heading RULES.md really has, for every rule', () => {
    const uri = ruleDocUri('TF-LP-3', {});
    const file = fileURLToPath(uri.replace(/#.*$/, ''));
    expect(existsSync(file)).toBe(true);
    const doc = readFileSync(file, 'utf8');
    const anchors = new Set([...doc.matchAll(/^### (.+)$/gm)].map((m) => m[1]!.trim().toLowerCase()));
    expect(allRules.filter((r) => !anchors.has(ruleAnchor(r.meta.id))).map((r) => r.meta.id)).toEqual([]);
  });

  it('follow TENANTFORM_RULES_DOC_URL when it is set', () => {
    expect(ruleDocUri('TF-MFA-1', { TENANTFORM_RULES_DOC_URL: 'https://example.test/RULES.md#old' })).toBe('https://example.test/RULES.md#tf-mfa-1');
  });
});
