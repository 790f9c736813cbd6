import { EcsServiceRedundancy } from '../../../../compliance/rules/resilience';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-RES-7 EcsServiceRedundancy', () => {
  it('needs two tasks in prod; daemons are skipped', () => {
    const stack = fixtureStack({ aws_ecs_service: { pair: { desired_count: 2 }, single: { desired_count: 1 }, unset: {}, daemon: { scheduling_strategy: 'DAEMON' }, var: { desired_count: ref('var.n') } } });
    expect(verdicts(EcsServiceRedundancy, stack)).toEqual({ fail: ['aws_ecs_service.single', 'aws_ecs_service.unset'], unknown: ['aws_ecs_service.var'], pass: ['aws_ecs_service.pair'] });
  });

  it('reads numeric strings; a computed strategy is unknown; dev is out of scope', () => {
    const blocks = { aws_ecs_service: { string_pair: { desired_count: '2' }, string_one: { desired_count: '1' }, strategy: { scheduling_strategy: ref('var.s'), desired_count: 2 } } };
    expect(verdicts(EcsServiceRedundancy, fixtureStack(blocks))).toEqual({ fail: ['aws_ecs_service.string_one'], unknown: ['aws_ecs_service.strategy'], pass: ['aws_ecs_service.string_pair'] });
    expect(verdicts(EcsServiceRedundancy, fixtureStack(blocks, { environment: 'dev' }))).toEqual({ fail: [], unknown: [], pass: [] });
  });
});
