import { describeExample } from '../support/example-suite';

describeExample('data-platform');
