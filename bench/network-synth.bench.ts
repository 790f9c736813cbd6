/**
 * Synthesizing N network stacks with tenantform, against the same resources
 * written with raw cdktf, in the same run.
 */
import { join } from 'node:path';
import { alternate, emit, median, round, runChild } from './support/measure';

interface Probe {
  ms: number;
  peakRssMiB: number;
}

const STACKS = 50;
const ROUNDS = 3;
const probe = join(__dirname, 'support', 'network-synth-probe.ts');
const { a: ours, b: raw } = alternate<Probe>(
  ROUNDS,
  () => runChild<Probe>(probe, ['tenantform', String(STACKS)]),
  () => runChild<Probe>(probe, ['raw', String(STACKS)]),
);
const ms = median(ours.map((p) => p.ms));
const baseMs = median(raw.map((p) => p.ms));
emit({ name: `synth.network-stacks-${STACKS}.time`, value: round(ms), unit: 'ms', baseline: round(baseMs), ratio: round(ms / baseMs) });
const rss = median(ours.map((p) => p.peakRssMiB));
const baseRss = median(raw.map((p) => p.peakRssMiB));
emit({ name: `synth.network-stacks-${STACKS}.peak-rss`, value: round(rss), unit: 'MiB', baseline: round(baseRss), ratio: round(rss / baseRss) });
