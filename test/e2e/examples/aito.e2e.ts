import { describeExample } from '../support/example-suite';

describeExample('aito');
