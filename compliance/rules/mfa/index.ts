import { Rule } from '../../types';

/** The mfa rules, one per file in this folder. */
export const rules: Rule[] = [];
