import { Rule } from '../../types';

/** The encryption rules, one per file in this folder. */
export const rules: Rule[] = [];
