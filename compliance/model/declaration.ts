/**
 * Reads the environment declaration a tenantform stack writes at
 * `"//".tenantform.environment` (core/environment-declaration.ts). The gate
 * trusts only what it can read whole: a declaration that is present but
 * malformed is reported as such (the separation rules fail the stack), never
 * read in part, since a half-read edge list could widen what is trusted.
 */
import type { IamUsersPolicy, Posture, TrustRequirement } from '../../core/environment';
import { StackDeclaration } from '../types';
import { isRecord } from '../values';

const POSTURES: readonly Posture[] = ['production', 'non-production'];
const REQUIREMENTS: readonly TrustRequirement[] = ['external-id', 'role', 'oidc', 'read-only', 'image-pull'];
const IAM_USERS: readonly IamUsersPolicy[] = ['allowed', 'none'];
const ACCOUNT_ID = /^\d{12}$/;

export type DeclarationReading = { readonly declaration: StackDeclaration } | { readonly problem: string } | undefined;

function stringList(value: unknown): string[] | undefined {
  if (value === undefined) return [];
  return Array.isArray(value) && value.every((x) => typeof x === 'string') ? [...(value as string[])] : undefined;
}

/** The declaration in a document's root `"//"` value: absent, read whole, or a problem. */
export function readDeclaration(root: unknown): DeclarationReading {
  const raw = isRecord(root) && isRecord(root.tenantform) ? root.tenantform.environment : undefined;
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) return { problem: 'the environment declaration is not an object' };
  const { name, accountId, posture, trusts, iamUsers } = raw;
  if (typeof name !== 'string' || typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) return { problem: 'the environment declaration has no name or no 12-digit account ID' };
  if (!POSTURES.includes(posture as Posture)) return { problem: `the environment declaration's posture ${JSON.stringify(posture)} is neither production nor non-production` };
  if (iamUsers !== undefined && !IAM_USERS.includes(iamUsers as IamUsersPolicy)) return { problem: `the environment declaration's iamUsers ${JSON.stringify(iamUsers)} is neither allowed nor none` };
  const shares = stringList(raw.sharesAccountWith);
  const tagKeys = stringList(raw.requiredTagKeys);
  if (shares === undefined || tagKeys === undefined) return { problem: 'sharesAccountWith and requiredTagKeys must be lists of strings' };
  if (trusts !== undefined && !Array.isArray(trusts)) return { problem: 'the trust edges are not a list' };
  const edges: StackDeclaration['trusts'][number][] = [];
  for (const e of (trusts as unknown[] | undefined) ?? []) {
    if (!isRecord(e) || typeof e.environment !== 'string' || typeof e.accountId !== 'string' || !ACCOUNT_ID.test(e.accountId) || !POSTURES.includes(e.posture as Posture) || !REQUIREMENTS.includes(e.requires as TrustRequirement)) {
      return { problem: `trust edge ${JSON.stringify(e)} is not { environment, accountId, posture, requires }` };
    }
    edges.push({ environment: e.environment, accountId: e.accountId, posture: e.posture as Posture, requires: e.requires as TrustRequirement });
  }
  return {
    declaration: {
      name,
      accountId,
      posture: posture as Posture,
      trusts: edges,
      sharesAccountWith: shares,
      iamUsers: (iamUsers as IamUsersPolicy | undefined) ?? 'allowed',
      requiredTagKeys: tagKeys,
    },
  };
}
