/**
 * One cold gate run for bench/gate-vs-checkov: a fresh Node process loads the
 * cdktf output folder given as its argument and checks it with every rule,
 * then prints one JSON line { loadMs, checkMs, gateMs, cpuMs, importMs }.
 * Timing starts after the modules are imported (as the in-process benches
 * do), and `importMs` says what importing the gate cost on top; `cpuMs` is
 * the CPU time of load + check, which a busy machine disturbs less than the
 * wall time.
 */
import { performance } from 'node:perf_hooks';

const i0 = performance.now();
// The modules `tenantform check` loads, not the package index: the index also exports the synth-time aspect, which pulls in cdktf.
/* eslint-disable @typescript-eslint/no-require-imports */
const { loadStacks } = require('../../compliance/model') as typeof import('../../compliance/model');
const { checkStacks } = require('../../compliance/engine') as typeof import('../../compliance/engine');
const { allRules } = require('../../compliance/rules') as typeof import('../../compliance/rules');
/* eslint-enable @typescript-eslint/no-require-imports */
const importMs = performance.now() - i0;

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: gate-cold-probe <cdktf output folder>');
const c0 = process.cpuUsage();
const t0 = performance.now();
const stacks = loadStacks([dir]);
const t1 = performance.now();
const findings = checkStacks(stacks, allRules);
const t2 = performance.now();
const cpu = process.cpuUsage(c0);
process.stdout.write(`${JSON.stringify({ loadMs: t1 - t0, checkMs: t2 - t1, gateMs: t2 - t0, cpuMs: (cpu.user + cpu.system) / 1000, importMs, findings: findings.length })}\n`);
