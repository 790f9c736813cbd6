import { DATA_CLASS_TAG } from '../../../core/tags';
import { boolOf, checkEach, decide, defineRule } from '../../rule-kit';
import { nestedBlock } from '../../rule-helpers/blocks';
import { isDataVolume } from '../../rule-helpers/data-volumes';

/** TF-RES-5: tenant data volumes are protected from `terraform destroy` and replacement. */
export const DataVolumePreventDestroy = defineRule(
  {
    id: 'TF-RES-5',
    title: 'Ensure tenant data volumes have lifecycle prevent_destroy',
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_ebs_volume'],
    remediation: `Set \`lifecycle { prevent_destroy = true }\` on every EBS volume tagged \`${DATA_CLASS_TAG}\`. A renamed construct ID or a forced replacement then stops the plan instead of deleting a customer's data.`,
    references: {},
  },
  (stack) =>
    checkEach(stack, ['aws_ebs_volume'], (volume) => {
      const data = isDataVolume(stack, volume);
      if (data === false) return [];
      if (data === 'unknown') return decide(volume.address, [], [`its tags are computed, so it may carry ${DATA_CLASS_TAG}`], '');
      const lifecycle = nestedBlock(volume.values.lifecycle);
      if (lifecycle === 'unknown') return decide(volume.address, [], ['lifecycle is unresolved'], '');
      const protectedFromDestroy = boolOf(lifecycle.prevent_destroy, false);
      if (protectedFromDestroy === 'unknown') return decide(volume.address, [], ['lifecycle.prevent_destroy is unresolved'], '');
      return decide(volume.address, protectedFromDestroy ? [] : ['lifecycle.prevent_destroy is not true'], [], 'prevent_destroy set');
    }),
);
