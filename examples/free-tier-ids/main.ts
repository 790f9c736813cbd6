import { App } from 'tenantform/stacks';
import { buildFreeTierIds } from './stack';

const app = new App();
buildFreeTierIds(app);
app.synth();
