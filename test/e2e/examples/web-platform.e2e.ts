import { describeExample } from '../support/example-suite';

describeExample('web-platform');
