import { applyComplianceChecks } from 'tenantform/compliance';
import { App } from 'tenantform/stacks';
import { buildDataPlatform } from './platform';

const app = new App();
// DATA_PLATFORM_VPC_FACING=1 builds the VPC-facing variant (sites on ECS behind an internal ALB).
buildDataPlatform(app, { internetFacing: process.env.DATA_PLATFORM_VPC_FACING !== '1' });
// The same rules as `tenantform check`, at synth time: an unsuppressed failure stops `cdktf synth`.
applyComplianceChecks(app);
app.synth();
