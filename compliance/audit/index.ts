/**
 * The live audit: checks a real account against its declared environment
 * with read-only IAM, STS and Organizations calls, and reports in the same
 * finding format as the gate.
 */
import { Finding } from '../types';
import { AuditTarget, evaluateAccount } from './checks';
import { AuditClients, collectAccountFacts } from './collect';

export { AUDIT_CHECKS, evaluateAccount, KEY_MAX_AGE_DAYS, KEY_MAX_IDLE_DAYS, PASSWORD_BASELINE } from './checks';
export type { AuditCheckMeta, AuditTarget } from './checks';
export { collectAccountFacts, createAuditClients } from './collect';
export type { AuditClients, ClientOptions } from './collect';
export type { AccessKeyFacts, AccountFacts, PasswordPolicyFacts, UserFacts } from './facts';
export { auditRules } from './rules';
export { resolveTarget } from './target';

/** Reads the account and judges it. `now` is injectable so key-age verdicts can be tested. */
export async function auditAccount(clients: AuditClients, target: AuditTarget, now: Date = new Date()): Promise<Finding[]> {
  const facts = await collectAccountFacts(clients, target.accountId);
  return evaluateAccount(facts, target, now);
}
