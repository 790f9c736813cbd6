import { describeExample } from '../support/example-suite';

describeExample('free-tier-ids');
