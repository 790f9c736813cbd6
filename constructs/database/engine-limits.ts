/**
 * The limits AWS places on each engine's settings, in one table so the
 * validation and its tests read from the same numbers.
 */

/**
 * gp3 EBS volumes (EC2 user guide, "General Purpose SSD volumes"; raised in
 * 2025 to 64 TiB, 80,000 IOPS and 2,000 MiB/s). IOPS may be at most 500 per
 * GiB and throughput at most 0.25 MiB/s per provisioned IOPS.
 */
export const GP3_LIMITS = {
  minSizeGiB: 1,
  maxSizeGiB: 65_536,
  minIops: 3_000,
  maxIops: 80_000,
  maxIopsPerGiB: 500,
  minThroughputMiBps: 125,
  maxThroughputMiBps: 2_000,
  maxThroughputPerIops: 0.25,
} as const;

/** RDS for PostgreSQL on gp3 storage: 20 GiB to 64 TiB. */
export const RDS_STORAGE_LIMITS = { minSizeGiB: 20, maxSizeGiB: 65_536 } as const;

/**
 * Aurora Serverless v2 capacity in ACUs, in steps of 0.5. A minimum of 0 lets
 * the cluster pause when idle (PostgreSQL 16.3 and later).
 */
export const AURORA_ACU_LIMITS = { min: 0, max: 256, step: 0.5 } as const;

/** Retention, in days: RDS automated backups allow 1-35; our EBS snapshot plans 1-3650. */
export const RETENTION_LIMITS = {
  managed: { min: 1, max: 35 },
  snapshots: { min: 1, max: 3_650 },
} as const;

/** Root volume of the database host, in GiB. */
export const ROOT_VOLUME_LIMITS = { minSizeGiB: 8, maxSizeGiB: 1_024 } as const;

const T_SIZES = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'] as const;
const M_SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'] as const;
const GRAVITON_SIZES = ['medium', ...M_SIZES.slice(0, 7)] as const;

/**
 * EC2 families offered for database hosts (current Nitro generations), with
 * the sizes each family has. `arm64` picks the Graviton machine image.
 */
export const EC2_FAMILIES: Readonly<Record<string, { readonly sizes: readonly string[]; readonly arch: 'arm64' | 'x86_64' }>> = {
  t3: { sizes: T_SIZES, arch: 'x86_64' },
  t3a: { sizes: T_SIZES, arch: 'x86_64' },
  t4g: { sizes: T_SIZES, arch: 'arm64' },
  m6i: { sizes: [...M_SIZES, '32xlarge'], arch: 'x86_64' },
  m7i: { sizes: [...M_SIZES, '48xlarge'], arch: 'x86_64' },
  r6i: { sizes: [...M_SIZES, '32xlarge'], arch: 'x86_64' },
  r7i: { sizes: [...M_SIZES, '48xlarge'], arch: 'x86_64' },
  m6g: { sizes: GRAVITON_SIZES, arch: 'arm64' },
  m7g: { sizes: GRAVITON_SIZES, arch: 'arm64' },
  r6g: { sizes: GRAVITON_SIZES, arch: 'arm64' },
  r7g: { sizes: GRAVITON_SIZES, arch: 'arm64' },
  c7g: { sizes: GRAVITON_SIZES, arch: 'arm64' },
};

/** RDS DB instance classes offered for PostgreSQL (`db.<family>.<size>`). */
export const RDS_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  t3: ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'],
  t4g: ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'],
  m6g: M_SIZES.slice(0, 7),
  m7g: M_SIZES.slice(0, 7),
  r6g: M_SIZES.slice(0, 7),
  r7g: M_SIZES.slice(0, 7),
  m6i: [...M_SIZES, '32xlarge'],
  r6i: [...M_SIZES, '32xlarge'],
};
