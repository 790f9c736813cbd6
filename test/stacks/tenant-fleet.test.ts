import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TenantIntent } from '../../constructs/tenancy/tenants-file';
import { FROZEN_LOCK_ENV, TenantFleet, TenantFleetProps } from '../../stacks/tenant-fleet';
import { DEV, newApp, PROD, resourcesOf, synthJson } from '../support/synth';

// CloudFront's certificate lives in us-east-1, so the platform's environments allow it.
const EDGE_PROD = { ...PROD, additionalRegions: ['us-east-1'] };
const EDGE_DEV = { ...DEV, additionalRegions: ['us-east-1'] };

/** Each environment pulls the database image from its own account's registry. */
const imageOf = (accountId: string) => ({ 'ec2-ebs': { image: `${accountId}.dkr.ecr.eu-west-1.amazonaws.com/aito/database:1.4.2` } });

const TENANTS: TenantIntent[] = [
  { id: 'acme', tier: 'premium' },
  { id: 'initech', tier: 'standard', engine: 'rds-postgres', storageGiB: 200 },
  { id: 'umbrella', tier: 'premium', engine: 'aurora-postgres-serverless-v2' },
];

describe('TenantFleet', () => {
  let dir: string;
  let lockFile: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantform-fleet-'));
    lockFile = path.join(dir, 'tenants.lock.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const BOTH = [
    { environment: EDGE_PROD, vpc: { cidrBlock: '10.10.0.0/16' }, domain: 'example.app', engines: imageOf(PROD.accountId) },
    { environment: EDGE_DEV, vpc: { cidrBlock: '10.20.0.0/16' }, domain: 'dev.example.app', engines: imageOf(DEV.accountId) },
  ];
  // One environment unless a test needs two: each platform takes a while to build.
  const props = (overrides: Partial<TenantFleetProps> = {}): TenantFleetProps => ({ tenants: TENANTS, lockFile, lockMode: 'write', environments: [BOTH[1]!], ...overrides });

  test('builds network, platform and one stack per tenant in each environment, and writes the lock', () => {
    const fleet = new TenantFleet(newApp(), props({ environments: BOTH }));
    expect([...fleet.environments.keys()]).toEqual(['prod', 'dev']);
    const dev = fleet.environments.get('dev')!;
    expect(dev.network.node.id).toBe('dev-network');
    expect(dev.platform.node.id).toBe('dev-platform');
    expect([...dev.tenants.keys()]).toEqual(['acme', 'initech', 'umbrella']);
    expect(fleet.lockChanged).toBe(true);
    // Only the ec2-ebs tenant takes an ALB slot; managed engines have no HTTP route.
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).placements).toEqual([{ id: 'acme', alb: 0, priority: 1 }]);
    expect(dev.tenants.get('initech')!.routing).toBeUndefined();
    expect(dev.tenants.get('acme')!.routing).toBeDefined();
  });

  test('marks tenants synthetic where the environment holds no customer data, and passes engine settings through', () => {
    const fleet = new TenantFleet(newApp(), props({ environments: BOTH }));
    expect(fleet.environments.get('dev')!.tenants.get('acme')!.database!.dataClass).toBe('synthetic');
    expect(fleet.environments.get('prod')!.tenants.get('acme')!.database!.dataClass).toBe('customer');
    const initech = synthJson(fleet.environments.get('prod')!.tenants.get('initech')!);
    expect(Object.values(resourcesOf(initech, 'aws_db_instance'))[0]).toMatchObject({ allocated_storage: 200 });
  });

  test('a second run with the same tenants leaves the lock alone; frozen mode then passes', () => {
    new TenantFleet(newApp(), props());
    const before = fs.readFileSync(lockFile, 'utf8');
    expect(new TenantFleet(newApp(), props({ lockMode: 'check' })).lockChanged).toBe(false);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(before);
  });

  test('frozen mode from the environment refuses an out-of-date lock and leaves it unchanged', () => {
    new TenantFleet(newApp(), props());
    const before = fs.readFileSync(lockFile, 'utf8');
    const saved = process.env[FROZEN_LOCK_ENV];
    process.env[FROZEN_LOCK_ENV] = '1';
    try {
      expect(() => new TenantFleet(newApp(), props({ lockMode: undefined, tenants: [...TENANTS, { id: 'hooli', tier: 'free' }] }))).toThrow(/\[TF-TEN-010\]/);
    } finally {
      if (saved === undefined) delete process.env[FROZEN_LOCK_ENV];
      else process.env[FROZEN_LOCK_ENV] = saved;
    }
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(before);
  });

  test.each<[string, unknown, RegExp]>([
    ['a pool shrunk below its placed tenants', 1, /\[TF-TEN-007\].*cannot shrink/],
    ['a pool size given as a string', '2', /\[TF-PRP-002\] TenantFleet: prop "albCount" must be a number\. Got: "2"/],
    ['a pool size that is not a number', NaN, /\[TF-PRP-003\] TenantFleet: prop "albCount" must be a finite number\. Got: NaN/],
    ['a fractional pool size', 2.5, /\[TF-PRP-004\].*Got: 2\.5/],
    ['a pool larger than the maximum', 99, /\[TF-PLT-004\].*Got: 99/],
  ])('%s is a coded error and leaves the lock unchanged', (_why, albCount, expected) => {
    new TenantFleet(newApp(), props({ albCount: 2, tenants: [{ id: 'a', tier: 'free' }, { id: 'b', tier: 'free' }] }));
    const before = fs.readFileSync(lockFile, 'utf8');
    expect(() => new TenantFleet(newApp(), props({ albCount: albCount as number, tenants: [{ id: 'a', tier: 'free' }, { id: 'b', tier: 'free' }, { id: 'c', tier: 'free' }] }))).toThrow(expected);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(before);
  });

  test('a bad prop of any stack leaves the lock untouched: it is written only after every stack is built', () => {
    expect(() => new TenantFleet(newApp(), props({ environments: [{ environment: EDGE_PROD, vpc: { cidrBlock: '10.10.0.0/16' }, domain: 'Not A Domain', engines: imageOf(PROD.accountId) }] }))).toThrow(/\[TF-PLT-001\]/);
    expect(fs.existsSync(lockFile)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('refuses bad tenants and an empty environment list with coded errors', () => {
    expect(() => new TenantFleet(newApp(), props({ tenants: [{ id: 'acme', tier: 'gold' as never }] }))).toThrow(/\[TF-TEN-004\]/);
    expect(() => new TenantFleet(newApp(), props({ tenants: [{ id: 'acme', tier: 'free', decommission: 'false' as never }] }))).toThrow(/\[TF-TEN-001\]/);
    expect(() => new TenantFleet(newApp(), props({ environments: [] }))).toThrow(/\[TF-TEN-012\]/);
  });
});
