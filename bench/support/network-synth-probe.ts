/**
 * Child process for the network-synth bench: builds N network stacks either
 * with tenantform's NetworkStack or with the raw-cdktf baseline, synthesizes
 * them to a temp directory, and reports time and peak RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../core/cdktf';
import { NetworkStack } from '../../stacks/network-stack';
import { rawNetworkStack } from '../baselines/raw-network';

const [mode, countArg] = process.argv.slice(2);
const count = Number(countArg);
const outdir = mkdtempSync(join(tmpdir(), 'tenantform-bench-synth-'));
const start = process.hrtime.bigint();
const app = new App({ outdir });
for (let i = 0; i < count; i++) {
  if (mode === 'tenantform') {
    new NetworkStack(app, `prod-network-${i}`, {
      // One environment, many stacks: separation checks see the same account each time.
      environment: { name: 'prod', accountId: '111111111111', region: 'eu-west-1', state: { kind: 's3', bucket: 'b-prod', kmsKeyId: 'alias/k' } },
      vpc: { cidrBlock: '10.0.0.0/16' },
    });
  } else {
    rawNetworkStack(app, `prod-network-${i}`);
  }
}
app.synth();
const ms = Number(process.hrtime.bigint() - start) / 1e6;
rmSync(outdir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ ms, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
