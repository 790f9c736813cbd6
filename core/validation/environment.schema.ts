import { Environment, IamUsersPolicy, Posture, TrustRequirement } from '../environment';
import { bool, byKey, dict, known, list, literal, opt, str, strict, Schema, v } from './schema';

/** The shape of an Environment; its values (names, account IDs, regions) are checked by validateEnvironment. */
export const EnvironmentSchema: Schema<Environment> = strict({
  name: str(),
  accountId: str(),
  region: str(),
  additionalRegions: opt(list(str())),
  tags: opt(dict(str())),
  // Posture keeps its own code (TF-ENV-010), so the shape only asks for a string.
  posture: opt(known<Posture>()),
  holdsCustomerData: opt(bool()),
  state: byKey('kind', [
    strict({ kind: literal('s3'), bucket: str(), kmsKeyId: str(), region: opt(str()), keyPrefix: opt(str()), dynamodbLockTable: opt(str()) }),
    strict({ kind: literal('local'), directory: opt(str()) }),
  ]),
  // An edge holds the trusted Environment itself, so the shape recurses; its values get TF-ENV-011.
  trusts: opt(list(strict({ from: v.lazy(() => EnvironmentSchema), requires: known<TrustRequirement>() }))),
  sharesAccountWith: opt(list(str())),
  iamUsers: opt(known<IamUsersPolicy>()),
  requiredTagKeys: opt(list(str())),
});
