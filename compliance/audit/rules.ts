import { Rule } from '../types';
import { AUDIT_CHECKS, AuditCheckMeta } from './checks';

/** Rule descriptors for the audit checks, for reports that list rules (SARIF). They never run on Terraform JSON. */
export function auditRules(): Rule[] {
  return Object.values(AUDIT_CHECKS).map((m: AuditCheckMeta) => ({
    meta: {
      id: m.id,
      title: m.title,
      category: m.category,
      level: m.level,
      resourceTypes: ['*'],
      remediation: m.remediation,
      references: m.cis !== undefined ? { cis: m.cis } : {},
      invariant: m.category === 'mfa' || m.category === 'account-separation',
    },
    check: () => [],
  }));
}
