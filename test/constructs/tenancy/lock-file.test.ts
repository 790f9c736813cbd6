import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatLock, parseLock, readLock, syncTenantLock } from '../../../constructs/tenancy/lock-file';

function workdir(tenants: unknown, lock?: string): { tenantsPath: string; lockPath: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenant-lock-'));
  const tenantsPath = path.join(dir, 'tenants.json');
  const lockPath = path.join(dir, 'tenants.lock.json');
  fs.writeFileSync(tenantsPath, JSON.stringify(tenants));
  if (lock !== undefined) fs.writeFileSync(lockPath, lock);
  return { tenantsPath, lockPath };
}

describe('tenant lock file', () => {
  test('formats deterministically: sorted by ID, fixed key order, trailing newline', () => {
    const text = formatLock([
      { priority: 2, alb: 0, id: 'zed' } as never,
      { id: 'acme', alb: 1, priority: 1 },
    ]);
    expect(text).toBe(
      '{\n  "lockfileVersion": 1,\n  "placements": [\n' +
        '    {\n      "id": "acme",\n      "alb": 1,\n      "priority": 1\n    },\n' +
        '    {\n      "id": "zed",\n      "alb": 0,\n      "priority": 2\n    }\n  ]\n}\n',
    );
    expect(parseLock(text, 'x').placements).toEqual([
      { id: 'acme', alb: 1, priority: 1 },
      { id: 'zed', alb: 0, priority: 2 },
    ]);
  });

  test('a missing lock reads as empty', () => {
    expect(readLock('/nonexistent/tenants.lock.json')).toEqual({ lockfileVersion: 1, placements: [] });
  });

  test.each([
    ['not JSON', '{'],
    ['wrong version', '{"lockfileVersion":2,"placements":[]}'],
    ['extra field', '{"lockfileVersion":1,"placements":[{"id":"a","alb":0,"priority":1,"x":1}]}'],
    ['zero priority', '{"lockfileVersion":1,"placements":[{"id":"a","alb":0,"priority":0}]}'],
  ])('rejects a malformed lock: %s (TF-TEN-005)', (_name, text) => {
    expect(() => parseLock(text, 'tenants.lock.json')).toThrow(/\[TF-TEN-005\] tenant lock tenants.lock.json/);
  });

  test('sync writes the lock on first run, leaves it untouched when nothing changed, and drops removed tenants', () => {
    const { tenantsPath, lockPath } = workdir([
      { id: 'beta', tier: 'free' },
      { id: 'acme', tier: 'premium' },
    ]);
    const first = syncTenantLock(tenantsPath, lockPath, 2);
    expect(first.lockChanged).toBe(true);
    expect([...first.placements.values()]).toEqual([
      { id: 'acme', alb: 0, priority: 1 },
      { id: 'beta', alb: 1, priority: 1 },
    ]);
    const written = fs.readFileSync(lockPath, 'utf8');
    expect(written.endsWith('}\n')).toBe(true);

    expect(syncTenantLock(tenantsPath, lockPath, 2).lockChanged).toBe(false);
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(written);

    fs.writeFileSync(tenantsPath, JSON.stringify([{ id: 'beta', tier: 'free' }, { id: 'cyan', tier: 'standard' }]));
    const after = syncTenantLock(tenantsPath, lockPath, 2);
    expect(parseLock(fs.readFileSync(lockPath, 'utf8'), lockPath).placements).toEqual([
      { id: 'beta', alb: 1, priority: 1 },
      { id: 'cyan', alb: 0, priority: 1 },
    ]);
    expect(after.tenants.map((t) => t.id)).toEqual(['beta', 'cyan']);
  });

  test('check mode refuses to write an out-of-date lock (TF-TEN-010) and passes a current one', () => {
    const { tenantsPath, lockPath } = workdir([{ id: 'acme', tier: 'free' }]);
    expect(() => syncTenantLock(tenantsPath, lockPath, 1, { mode: 'check' })).toThrow(/\[TF-TEN-010\].*frozen lock.*run the synth locally without TENANTFORM_FROZEN_LOCK/);
    expect(fs.existsSync(lockPath)).toBe(false);
    syncTenantLock(tenantsPath, lockPath, 1);
    expect(syncTenantLock(tenantsPath, lockPath, 1, { mode: 'check' }).lockChanged).toBe(false);
  });

  test('an unreadable tenants file is TF-TEN-001', () => {
    expect(() => syncTenantLock('/nonexistent/tenants.json', '/tmp/x.lock.json', 1)).toThrow(/\[TF-TEN-001\].*cannot be read/);
  });
});
