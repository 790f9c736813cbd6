import { Rule } from '../../types';

/** The account-separation rules, one per file in this folder. */
export const rules: Rule[] = [];
