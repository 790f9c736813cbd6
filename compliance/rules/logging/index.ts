import { Rule } from '../../types';

/** The logging rules, one per file in this folder. */
export const rules: Rule[] = [];
