import { blockOf, boolOf, checkEach, decide, defineRule, isUnresolved } from '../../rule-kit';

/** TF-LP-30: CodeBuild projects do not run privileged; an image build that must is suppressed with its reason. */
export const CodeBuildNotPrivileged = defineRule(
  {
    id: 'TF-LP-30',
    title: 'Ensure CodeBuild project environments do not run in privileged mode',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_codebuild_project'],
    remediation:
      'Set `environment.privileged_mode = false`. Privileged mode gives the build container every device of its host and the Docker daemon, which only Docker image builds need; for such a build, keep it to that one project and suppress TF-LP-30 on it with the reason.',
    references: { checkov: ['CKV_AWS_316'], cdkNag: ['AwsSolutions-CB3'] },
  },
  (stack) =>
    checkEach(stack, ['aws_codebuild_project'], (p) => {
      const environment = p.values.environment;
      if (isUnresolved(environment)) return decide(p.address, [], ['environment is unresolved'], '');
      const privileged = boolOf(blockOf(environment).privileged_mode, false);
      if (privileged === 'unknown') return decide(p.address, [], ['environment.privileged_mode is unresolved'], '');
      return decide(p.address, privileged ? ['environment.privileged_mode is true'] : [], [], 'not privileged');
    }),
);
