/** @deprecated import from `../../rule-kit`; kept until every rule has moved. */
export { decide, fail, pass, unknown } from '../../rule-kit';
