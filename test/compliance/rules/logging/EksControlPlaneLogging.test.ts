import { EksControlPlaneLogging } from '../../../../compliance/rules/logging';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-LOG-40 EksControlPlaneLogging', () => {
  it('requires all five control-plane log types', () => {
    const all = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];
    const stack = fixtureStack({
      aws_eks_cluster: { all: { enabled_cluster_log_types: all }, some: { enabled_cluster_log_types: ['api', 'audit'] }, none: { name: 'x' }, from_var: { enabled_cluster_log_types: ref('var.types') }, one_var: { enabled_cluster_log_types: [...all.slice(1), ref('var.t')] } },
    });
    expect(verdicts(EksControlPlaneLogging, stack)).toEqual({
      fail: ['aws_eks_cluster.none', 'aws_eks_cluster.some'],
      unknown: ['aws_eks_cluster.from_var', 'aws_eks_cluster.one_var'],
      pass: ['aws_eks_cluster.all'],
    });
  });
});
