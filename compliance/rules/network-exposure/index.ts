import { Rule } from '../../types';

/** The network-exposure rules, one per file in this folder. */
export const rules: Rule[] = [];
