import { Rule } from '../types';
import { rules as accountSeparation } from './account-separation';
import { rules as encryption } from './encryption';
import { rules as leastPrivilege } from './least-privilege';
import { rules as logging } from './logging';
import { rules as mfa } from './mfa';
import { rules as networkExposure } from './network-exposure';
import { rules as resilience } from './resilience';

/** Every rule of the suite, grouped by category. */
export const allRules: readonly Rule[] = [...mfa, ...leastPrivilege, ...encryption, ...accountSeparation, ...networkExposure, ...logging, ...resilience];

/** Rule by ID, e.g. `TF-LP-3`. */
export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
