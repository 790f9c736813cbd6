import { Environment, Posture } from '../environment';
import { bool, byKey, dict, known, list, literal, opt, str, strict, Schema  } from './schema';

/** The shape of an Environment; its values (names, account IDs, regions) are checked by validateEnvironment. */
export const EnvironmentSchema = strict({
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
}) satisfies Schema<Environment>;
