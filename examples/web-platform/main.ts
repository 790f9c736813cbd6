import { applyComplianceChecks } from 'tenantform/compliance';
import { App } from 'tenantform/stacks';
import { buildWebPlatform } from './platform';

const app = new App();
buildWebPlatform(app);
// The same rules as `tenantform check`, at synth time: an unsuppressed failure stops `cdktf synth`.
applyComplianceChecks(app);
app.synth();
