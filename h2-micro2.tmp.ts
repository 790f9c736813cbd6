import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverStacks, stackFromJson } from './compliance/model';
import { stackFromJson as oldBuild } from '/tmp/h2old/build';
import { writeTenantLikeOutput } from './bench/support/tenant-like-stacks';
const dir = mkdtempSync(join(tmpdir(), 'h2-micro-'));
try {
  writeTenantLikeOutput(dir, 1000);
  const docs = discoverStacks([dir]).map((s) => ({ name: s.name, json: JSON.parse(readFileSync(s.files[0]!, 'utf8')) }));
  const cpu = (f: () => void) => { const a = process.cpuUsage(); f(); const b = process.cpuUsage(a); return ((b.user + b.system) / 1000).toFixed(0); };
  for (let round = 0; round < (process.env.R ? 30 : 4); round++) {
    const o = cpu(() => docs.forEach((d) => oldBuild(d.json, d.name, d.name)));
    const n = cpu(() => docs.forEach((d) => stackFromJson(d.json, d.name, d.name)));
    console.log(`old build ${o} ms, new build ${n} ms`);
  }
} finally { rmSync(dir, { recursive: true, force: true }); }
