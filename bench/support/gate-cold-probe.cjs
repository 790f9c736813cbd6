// One cold gate run for bench/gate-vs-checkov, plain CommonJS on the built
// package (dist/, from `npm run build`): what `tenantform check` runs, with
// no TypeScript loader in the process. A fresh Node process loads the cdktf
// output folder given as its first argument and checks it with every rule,
// then prints one JSON line { loadMs, checkMs, gateMs, cpuMs, importMs }.
// Timing starts after the modules are imported (as the in-process benches
// do), and `importMs` says what importing the gate cost on top; `cpuMs` is
// the CPU time of load + check, which a busy machine disturbs less than the
// wall time. A second argument names another build folder (for A/B runs).
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const [dir, built = join(__dirname, '..', '..', 'dist')] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: gate-cold-probe.cjs <cdktf output folder> [<build folder>]');
const i0 = performance.now();
// The modules `tenantform check` loads, not the package index: the index also exports the synth-time aspect, which pulls in cdktf.
const { loadStacks } = require(join(built, 'compliance', 'model'));
const { checkStacks } = require(join(built, 'compliance', 'engine'));
const { allRules } = require(join(built, 'compliance', 'rules'));
const importMs = performance.now() - i0;

const c0 = process.cpuUsage();
const t0 = performance.now();
const stacks = loadStacks([dir]);
const t1 = performance.now();
const findings = checkStacks(stacks, allRules);
const t2 = performance.now();
const cpu = process.cpuUsage(c0);
process.stdout.write(`${JSON.stringify({ loadMs: t1 - t0, checkMs: t2 - t1, gateMs: t2 - t0, cpuMs: (cpu.user + cpu.system) / 1000, importMs, findings: findings.length })}\n`);
