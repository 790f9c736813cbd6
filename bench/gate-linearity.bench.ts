/**
 * Growth of the gate's indexing steps with their input: each step runs on an
 * input and on one four times larger, and the figure is the ratio of the two
 * times, both measured in this run (so a busy machine moves both alike).
 * Linear work gives about 4; a step that scans its input per item gives
 * about 16. The unit tests hold what these steps return; this holds how
 * their time grows, which a timed unit test cannot do reliably.
 *
 * - normalize: `normalizeDocument` on 50 and 200 resource types of 100 each;
 * - companion-index: `companionIndex` joining 1,250 and 5,000 buckets to their
 *   policies, half by reference and half by name.
 *
 * Prints JSON lines {"name","value","unit","baseline","ratio"}: value is the
 * larger input's median ms, baseline the smaller's. Exits non-zero when a
 * ratio passes MAX_RATIO, halfway between linear and quadratic, so
 * `npm run bench` fails on a step that stopped being linear.
 * Run: npx tsx bench/gate-linearity.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { stackFromJson } from '../compliance/model';
import { normalizeDocument } from '../compliance/model/terraform-json';
import { companionIndex } from '../compliance/rule-helpers/links';
import { emit, median, round } from './support/measure';

const ROUNDS = Number(process.env.LINEARITY_BENCH_ROUNDS ?? 7);
const GROWTH = 4;
const MAX_RATIO = 10;

/** Median ms of `run` over ROUNDS, after one warm-up call. */
function time(run: () => unknown): number {
  run();
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function report(name: string, small: number, large: number): void {
  const ratio = large / small;
  emit({ name: `gate-linearity ${name} (x${GROWTH} input)`, value: round(large), unit: 'ms', baseline: round(small), ratio: round(ratio) });
  if (ratio > MAX_RATIO) {
    process.stderr.write(`gate-linearity: ${name} took ${round(ratio)}x as long on ${GROWTH}x the input (linear is about ${GROWTH}, at most ${MAX_RATIO} passes)\n`);
    process.exitCode = 1;
  }
}

function document(types: number): unknown {
  return { resource: Array.from({ length: types }, (_, t) => ({ [`aws_type_${t}`]: Array.from({ length: 100 }, (_, n) => ({ [`r${n}`]: [{ a: n }] })) })) };
}

function bucketsWithPolicies(count: number) {
  const buckets: Record<string, Record<string, unknown>> = {};
  const policies: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < count; i++) {
    buckets[`b${i}`] = { bucket: `bucket-${i}` };
    policies[`p${i}`] = { bucket: i % 2 === 0 ? `\${aws_s3_bucket.b${i}.id}` : `bucket-${i}`, policy: '{}' };
  }
  const stack = stackFromJson({ provider: { aws: [{ region: 'eu-west-1' }] }, resource: { aws_s3_bucket: buckets, aws_s3_bucket_policy: policies } }, 'linearity', 'linearity.tf.json');
  return () => {
    const of = companionIndex(stack, ['aws_s3_bucket'], ['aws_s3_bucket_policy'], 'bucket', ['bucket']);
    let matched = 0;
    for (const r of stack.resources.values()) if (r.type === 'aws_s3_bucket') matched += of(r).matches.length;
    if (matched !== count) throw new Error(`companion-index matched ${matched} of ${count} buckets`);
  };
}

const smallDoc = document(50);
const largeDoc = document(50 * GROWTH);
report('normalize', time(() => normalizeDocument(smallDoc, 'f')), time(() => normalizeDocument(largeDoc, 'f')));
report('companion-index', time(bucketsWithPolicies(1250)), time(bucketsWithPolicies(1250 * GROWTH)));
