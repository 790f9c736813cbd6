/**
 * The app of the cdktf deploy e2e test, written as a user writes theirs: an
 * environment with a real S3 state backend, the fleet, and the emulator
 * switched on only when the test names one. It runs from the throwaway
 * project folder the test creates (tenants.json and the lock live there),
 * under `cdktf synth`, `cdktf deploy` and `cdktf diff`.
 */
import * as path from 'node:path';
import { App, Environment, pointAtEmulator, TenantFleet } from 'tenantform/stacks';

const project = process.cwd();

const dev: Environment = {
  name: 'dev',
  accountId: '222222222222',
  region: 'eu-west-1',
  additionalRegions: ['us-east-1'],
  state: { kind: 's3', bucket: 'e2e-dev-tfstate', kmsKeyId: 'alias/e2e-dev-tfstate' },
};

const app = new App();
new TenantFleet(app, {
  tenants: path.join(project, 'tenants.json'),
  lockFile: path.join(project, 'tenants.lock.json'),
  environments: [
    {
      environment: dev,
      vpc: { cidrBlock: '10.20.0.0/16', azCount: 2 },
      domain: 'dev.e2e.example',
      engines: { 'ec2-ebs': { image: `${dev.accountId}.dkr.ecr.${dev.region}.amazonaws.com/e2e/database:1.0.0` } },
    },
  ],
});

// The one switch: without it the same app synthesizes for AWS.
const endpoint = process.env.E2E_EMULATOR_ENDPOINT;
if (endpoint !== undefined) pointAtEmulator(app, { endpoint });
app.synth();
