import { DATA_CLASS_TAG } from '../../../core/tags';
import { defineRule, fail, isRecord, isUnknown, pass, unknown } from '../../rule-kit';
import { RuleOutcome } from '../../types';

/** TF-SEP-4: real customer data only lives in environments allowed to hold it. */
export const CustomerDataWhereAllowed = defineRule(
  {
    id: 'TF-SEP-4',
    title: 'Ensure customer-data resources (tenantform:data-class = customer) exist only in environments that allow customer data',
    category: 'account-separation',
    level: 'error',
    resourceTypes: ['*'],
    remediation:
      'Use synthetic tenants (tenantform:data-class = synthetic) outside production, or mark the environment as holding customer data (holdsCustomerData) if it really is a production environment with production controls.',
    references: {},
  },
  (stack) => {
    const out: RuleOutcome[] = [];
    for (const r of stack.resources.values()) {
      const tags = r.values.tags;
      if (isUnknown(tags)) {
        out.push(unknown(r.address, `the resource's tags cannot be resolved (${tags.$unknown}).`));
        continue;
      }
      const dataClass = isRecord(tags) ? tags[DATA_CLASS_TAG] : undefined;
      if (dataClass === undefined) continue;
      if (isUnknown(dataClass)) out.push(unknown(r.address, `the data-class tag cannot be resolved (${dataClass.$unknown}).`));
      else if (dataClass !== 'customer') out.push(pass(r.address, `data class ${JSON.stringify(dataClass)}.`));
      else if (stack.customerDataAllowed === true) out.push(pass(r.address, 'customer data in an environment that allows it.'));
      else out.push(fail(r.address, `customer data in environment ${stack.environment ?? '(undeclared)'}, whose tenantform:customer-data default tag is ${stack.customerDataAllowed === false ? '"false"' : 'missing'}.`));
    }
    return out;
  },
);
