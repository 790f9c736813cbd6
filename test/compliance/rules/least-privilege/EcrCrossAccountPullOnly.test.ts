import { EcrCrossAccountPullOnly } from '../../../../compliance/rules/least-privilege';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
const policy = (principal: unknown, actions: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: actions, ...extra }] });

describe('TF-LP-40 EcrCrossAccountPullOnly', () => {
  it('lets named accounts pull and nothing more; never "*"', () => {
    const stack = fixtureStack({
      aws_ecr_repository_policy: {
        named: { repository: 'r', policy: policy({ AWS: ['arn:aws:iam::222222222222:root', 'arn:aws:iam::333333333333:role/eks-nodes'] }, PULL) },
        own_push: { repository: 'r', policy: policy({ AWS: 'arn:aws:iam::111111111111:role/ci' }, ['ecr:PutImage', ...PULL]) },
        push: { repository: 'r', policy: policy({ AWS: '222222222222' }, ['ecr:PutImage', 'ecr:BatchGetImage']) },
        star: { repository: 'r', policy: policy('*', PULL, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }) },
        wildcard_action: { repository: 'r', policy: policy({ AWS: 'arn:aws:iam::222222222222:root' }, 'ecr:*') },
        not_action: { repository: 'r', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, NotAction: 'ecr:DeleteRepository' }] }) },
        from_var: { repository: 'r', policy: ref('var.policy') },
        var_principal: { repository: 'r', policy: policy({ AWS: ref('var.who') }, PULL) },
      },
    });
    expect(verdicts(EcrCrossAccountPullOnly, stack)).toEqual({
      fail: ['aws_ecr_repository_policy.not_action', 'aws_ecr_repository_policy.push', 'aws_ecr_repository_policy.star', 'aws_ecr_repository_policy.wildcard_action'],
      unknown: ['aws_ecr_repository_policy.from_var', 'aws_ecr_repository_policy.var_principal'],
      pass: ['aws_ecr_repository_policy.named', 'aws_ecr_repository_policy.own_push'],
    });
  });
});
