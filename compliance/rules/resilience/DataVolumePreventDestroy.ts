import { DATA_CLASS_TAG } from '../../../core/tags';
import { Rule } from '../../types';
import { decide } from '../_shared/outcomes';
import { blockOf, boolOf, effectiveTags, resourcesOf } from '../_shared/values';

/** TF-RES-5: tenant data volumes are protected from `terraform destroy` and replacement. */
export const DataVolumePreventDestroy: Rule = {
  meta: {
    id: 'TF-RES-5',
    title: 'Ensure tenant data volumes have lifecycle prevent_destroy',
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_ebs_volume'],
    remediation:
      `Set \`lifecycle { prevent_destroy = true }\` on every EBS volume tagged \`${DATA_CLASS_TAG}\`. A renamed construct ID or a forced replacement then stops the plan instead of deleting a customer's data.`,
    references: {},
    invariant: false,
  },
  check(stack) {
    return resourcesOf(stack, 'aws_ebs_volume').flatMap((volume) => {
      if (effectiveTags(stack, volume)[DATA_CLASS_TAG] === undefined) return [];
      const protectedFromDestroy = boolOf(blockOf(volume.values.lifecycle).prevent_destroy, false);
      if (protectedFromDestroy === 'unknown') return [decide(volume.address, [], ['lifecycle.prevent_destroy is unresolved'], '')];
      return [decide(volume.address, protectedFromDestroy ? [] : ['lifecycle.prevent_destroy is not true'], [], 'prevent_destroy set')];
    });
  },
};
