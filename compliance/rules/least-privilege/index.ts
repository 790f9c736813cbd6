import { Rule } from '../../types';

/** The least-privilege rules, one per file in this folder. */
export const rules: Rule[] = [];
