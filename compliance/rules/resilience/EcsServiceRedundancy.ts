import { checkEach, decide, defineRule, isUnresolved, numberOf } from '../../rule-kit';
import { isProd } from '../../rule-helpers/posture';

/** TF-RES-7: production ECS services run more than one task. */
export const EcsServiceRedundancy = defineRule(
  {
    id: 'TF-RES-7',
    title: 'Ensure production ECS services run at least two tasks',
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_ecs_service'],
    remediation:
      'Set `desired_count` to 2 or more and spread tasks across AZs (subnets in two AZs; `spread` placement on EC2). A service whose state lives in a local container cannot scale out: move the state to a managed database first.',
    references: {},
  },
  (stack) => {
    const prod = isProd(stack);
    if (prod === false) return [];
    return checkEach(stack, ['aws_ecs_service'], (service) => {
      // A daemon runs one task per container instance; its count is the cluster's size.
      if (service.values.scheduling_strategy === 'DAEMON') return [];
      if (prod === 'unknown') return decide(service.address, [], ['the stack declares no environment'], '');
      if (isUnresolved(service.values.scheduling_strategy)) return decide(service.address, [], ['scheduling_strategy is unresolved'], '');
      const count = numberOf(service.values.desired_count);
      if (count === 'unknown') return decide(service.address, [], ['desired_count is unresolved'], '');
      const tasks = count ?? 0;
      return decide(service.address, tasks >= 2 ? [] : [`desired_count is ${tasks}: one failure takes the service down`], [], `${tasks} tasks`);
    });
  },
);
