import { App } from 'tenantform/stacks';
import { buildFreeTierHardened } from './stack';

const app = new App();
buildFreeTierHardened(app);
app.synth();
