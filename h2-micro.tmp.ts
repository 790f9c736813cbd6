import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allRules, checkStacks } from './compliance';
import { discoverStacks, stackFromJson } from './compliance/model';
import { normalizeDocument } from './compliance/model/terraform-json';
import { writeTenantLikeOutput } from './bench/support/tenant-like-stacks';
const dir = mkdtempSync(join(tmpdir(), 'h2-micro-'));
try {
  writeTenantLikeOutput(dir, 1000);
  const docs = discoverStacks([dir]).map((s) => ({ name: s.name, json: JSON.parse(readFileSync(s.files[0]!, 'utf8')) }));
  const cpu = (f: () => void) => { const a = process.cpuUsage(); f(); const b = process.cpuUsage(a); return ((b.user + b.system) / 1000).toFixed(0); };
  for (let round = 0; round < 3; round++) {
    let stacks: ReturnType<typeof stackFromJson>[] = [];
    const norm = cpu(() => docs.forEach((d) => normalizeDocument(d.json, d.name)));
    const build = cpu(() => { stacks = docs.map((d) => stackFromJson(d.json, d.name, d.name)); });
    const link = cpu(() => checkStacks(stacks, []));
    const check = cpu(() => checkStacks(stacks, allRules));
    console.log(`normalize ${norm} ms, build(incl normalize) ${build} ms, engine with no rules ${link} ms, check all rules ${check} ms`);
  }
} finally { rmSync(dir, { recursive: true, force: true }); }
