import { Rule } from '../../types';

/** The resilience rules, one per file in this folder. */
export const rules: Rule[] = [];
