import { LakeformationPermissions } from '../../core/aws';
import { Construct, Token } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { validateProps } from '../../core/validation';
import { PolicyStatement } from '../iam/policy';
import { accountRootArn, partitionOf } from '../identity/arn';
import { customerManagedKey } from '../kms/customer-managed-key';
import { SecureBucket, secureBucket } from '../platform/storage/secure-bucket';
import { DatasetPropsSchema } from './dataset.schema';

/** Read access to one prefix of the dataset's bucket for another environment. */
export interface PrefixShare {
  /** An environment along a `read-only` trust edge of this stack's environment. */
  readonly environment: string;
  /** Prefix inside the bucket, e.g. `sales/2026/`; it ends with `/`. */
  readonly prefix: string;
}

/** SELECT and DESCRIBE on one Lake Formation table for another environment. */
export interface TableShare {
  /** An environment along a `read-only` trust edge of this stack's environment. */
  readonly environment: string;
  readonly databaseName: string;
  readonly tableName: string;
}

export interface DatasetProps {
  /** Lowercase label; names the bucket prefix and the key alias. */
  readonly name: string;
  /**
   * Prefixes shared read-only with other environments.
   * @default - none
   */
  readonly prefixShares?: readonly PrefixShare[];
  /**
   * Tables shared read-only (SELECT, DESCRIBE, no grant option) through Lake Formation.
   * @default - none
   */
  readonly tableShares?: readonly TableShare[];
  /**
   * Days after which old object versions expire.
   * @default 90
   */
  readonly noncurrentVersionDays?: number;
}

const LABEL = /^[a-z][a-z0-9-]{0,39}$/;
const PREFIX = /^(?:[A-Za-z0-9!_.*'()-]+\/)+$/;

/**
 * One dataset of a data platform's linked account: a bucket with its own
 * customer-managed key, shared only read-only. A prefix share adds bucket
 * and key policy statements that let the other account read that prefix and
 * list nothing else; a table share grants Lake Formation SELECT and DESCRIBE.
 * The other environment must be along a `read-only` trust edge this one
 * declares, so the gate sees the share as declared, and TF-LP-31 would fail
 * any share that could write.
 */
export class Dataset extends Construct {
  public readonly bucket: SecureBucket['bucket'];
  public readonly keyArn: string;
  public readonly tableGrants: readonly LakeformationPermissions[];

  constructor(scope: Construct, id: string, props: DatasetProps) {
    super(scope, id);
    const where = describeConstruct('Dataset', this.node);
    validateProps(DatasetPropsSchema, props, where);
    if (!LABEL.test(props.name)) {
      throw new TenantformError({ code: 'TF-DATA-001', where, problem: 'the dataset name must be a lowercase label of 1-40 letters, digits and hyphens.', value: props.name, fix: 'use a name such as "sales".' });
    }
    const env = environmentOf(this, 'Dataset');
    const partition = partitionOf(env.region);
    const consumers = (shares: readonly { environment: string }[]) => shares.map((s) => readOnlyConsumer(env, s.environment, where));
    const prefixShares = props.prefixShares ?? [];
    for (const s of prefixShares) {
      if (!Token.isUnresolved(s.prefix) && !PREFIX.test(s.prefix)) {
        throw new TenantformError({ code: 'TF-DATA-003', where, problem: 'a shared prefix must be one or more path segments ending in "/", without wildcards.', value: s.prefix, fix: 'use e.g. "sales/2026/".' });
      }
    }
    const prefixReaders = consumers(prefixShares);
    const tableReaders = consumers(props.tableShares ?? []);

    const readers = [...new Set(prefixReaders.map((c) => c.accountId))];
    const key = customerManagedKey(this, {
      keyId: 'key',
      aliasId: 'key-alias',
      description: `Dataset ${props.name}: objects at rest`,
      alias: `tenantform/${env.name}/dataset/${props.name}`,
      partition,
      accountId: env.accountId,
      accountMayUse: true,
      statements: readers.map((account) => ({
        Sid: `ReadOnlyShare${account}`,
        Effect: 'Allow',
        Principal: { AWS: accountRootArn(partition, account) },
        Action: ['kms:Decrypt', 'kms:DescribeKey'],
        Resource: '*',
        // Only to read objects of this dataset through S3, not to decrypt anything else with the key.
        Condition: { StringEquals: { 'kms:ViaService': `s3.${env.region}.amazonaws.com` } },
      })),
    });
    this.keyArn = key.key.arn;

    const stored = secureBucket(new Construct(this, 'storage'), {
      bucketPrefix: `${env.name}-${props.name}-`,
      encryption: { kind: 'kms', keyArn: key.key.arn },
      objectOwnership: 'BucketOwnerEnforced',
      lifecycleRule: { id: 'expire-old-versions', status: 'Enabled', filter: [{ prefix: '' }], noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays ?? 90 }], abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }] },
      statements: (arn) =>
        prefixShares.flatMap((share, i): PolicyStatement[] => {
          const reader = accountRootArn(partition, prefixReaders[i]!.accountId);
          return [
            { Sid: `ReadPrefix${i}`, Effect: 'Allow', Principal: { AWS: reader }, Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: `${arn}/${share.prefix}*` },
            { Sid: `ListPrefix${i}`, Effect: 'Allow', Principal: { AWS: reader }, Action: 's3:ListBucket', Resource: arn, Condition: { StringLike: { 's3:prefix': `${share.prefix}*` } } },
          ];
        }),
    });
    this.bucket = stored.bucket;

    this.tableGrants = (props.tableShares ?? []).map(
      (t, i) =>
        new LakeformationPermissions(this, `table-share-${t.environment}-${t.databaseName}-${t.tableName}`, {
          principal: tableReaders[i]!.accountId,
          permissions: ['SELECT', 'DESCRIBE'],
          permissionsWithGrantOption: [],
          table: { databaseName: t.databaseName, name: t.tableName },
        }),
    );
  }
}

/** The environment a share names, which must be along a read-only edge of `env`. */
function readOnlyConsumer(env: Environment, name: string, where: string): Environment {
  const edge = (env.trusts ?? []).find((e) => e.from.name === name);
  if (edge === undefined || edge.requires !== 'read-only') {
    throw new TenantformError({
      code: 'TF-DATA-002',
      where,
      problem: edge === undefined ? `environment "${env.name}" declares no read-only edge to "${name}".` : `the edge from "${name}" requires ${edge.requires}, not read-only sharing.`,
      value: name,
      fix: `add { from: <the ${name} Environment>, requires: 'read-only' } to the trusts of "${env.name}".`,
    });
  }
  return edge.from;
}
