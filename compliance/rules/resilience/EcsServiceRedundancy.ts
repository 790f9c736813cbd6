import { Rule } from '../../types';
import { decide } from '../_shared/outcomes';
import { numberOf, resourcesOf } from '../_shared/values';
import { isProd } from './_support';

/** TF-RES-7: production ECS services run more than one task. */
export const EcsServiceRedundancy: Rule = {
  meta: {
    id: 'TF-RES-7',
    title: 'Ensure production ECS services run at least two tasks',
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_ecs_service'],
    remediation:
      'Set `desired_count` to 2 or more and spread tasks across AZs (subnets in two AZs; `spread` placement on EC2). A service whose state lives in a local container cannot scale out: move the state to a managed database first.',
    references: {},
    invariant: false,
  },
  check(stack) {
    const prod = isProd(stack);
    if (prod === false) return [];
    return resourcesOf(stack, 'aws_ecs_service').flatMap((service) => {
      if (service.values.scheduling_strategy === 'DAEMON') return [];
      if (prod === 'unknown') return [decide(service.address, [], ['the stack declares no environment'], '')];
      const count = numberOf(service.values.desired_count);
      if (count === 'unknown') return [decide(service.address, [], ['desired_count is unresolved'], '')];
      const tasks = count ?? 0;
      return [decide(service.address, tasks >= 2 ? [] : [`desired_count is ${tasks}: one failure takes the service down`], [], `${tasks} tasks`)];
    });
  },
};
