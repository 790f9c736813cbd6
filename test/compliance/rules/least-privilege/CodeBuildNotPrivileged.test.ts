import { CodeBuildNotPrivileged } from '../../../../compliance/rules/least-privilege/CodeBuildNotPrivileged';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const env = (extra: Record<string, unknown>) => ({ name: 'p', service_role: 'r', artifacts: { type: 'NO_ARTIFACTS' }, source: { type: 'NO_SOURCE', buildspec: 'x' }, environment: { type: 'LINUX_CONTAINER', compute_type: 'BUILD_GENERAL1_SMALL', image: 'i', ...extra } });

describe('TF-LP-30 CodeBuild projects are not privileged', () => {
  test('GIVEN privileged_mode true in any form THEN it fails; false or absent pass; unresolved is unknown; a reasoned suppression is honoured', () => {
    const stack = fixtureStack({
      variable: { privileged: { type: 'bool', default: false } },
      resource: {
        aws_codebuild_project: {
          absent: env({}),
          off: env({ privileged_mode: false }),
          on: env({ privileged_mode: true }),
          on_as_string: env({ privileged_mode: 'true' }),
          on_in_block_array: { ...env({}), environment: [{ type: 'LINUX_CONTAINER', compute_type: 'BUILD_GENERAL1_SMALL', image: 'i', privileged_mode: true }] },
          from_variable: env({ privileged_mode: '${var.privileged ? true : true}' }),
          image_build: { ...env({ privileged_mode: true }), '//': { tenantform: { suppressions: [{ ruleId: 'TF-LP-30', reason: 'docker build of the platform images needs the Docker daemon' }] } } },
        },
      },
    });
    expect(byStatus(runRule(CodeBuildNotPrivileged, stack))).toEqual({
      fail: ['aws_codebuild_project.on', 'aws_codebuild_project.on_as_string', 'aws_codebuild_project.on_in_block_array'],
      unknown: ['aws_codebuild_project.from_variable'],
      suppressed: ['aws_codebuild_project.image_build'],
      pass: ['aws_codebuild_project.absent', 'aws_codebuild_project.off'],
    });
  });
});
