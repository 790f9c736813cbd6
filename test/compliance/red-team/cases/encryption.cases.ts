/** Encryption at rest and in transit, hidden in forms Terraform accepts. */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { mainFile, ref, skeleton } from '../support/module';

export const cases: RedTeamCase[] = [
  {
    id: 'encryption/kms-rotation-off-array-form',
    why: 'resource type written as an array of objects (valid JSON syntax); rotation off',
    files: { 'main.tf.json': { ...skeleton(), resource: [{ aws_kms_key: [{ k: { enable_key_rotation: false } }] }] } },
    expect: { rules: ['TF-ENC-13'] },
  },
  {
    id: 'encryption/kms-rotation-off-through-local',
    why: 'rotation read from a local that says false',
    files: mainFile({ locals: { rotate: false }, resource: { aws_kms_key: { k: { enable_key_rotation: ref('local.rotate') } } } }),
    expect: { rules: ['TF-ENC-13'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'encryption/kms-rotation-on',
    why: 'a rotating symmetric key',
    files: mainFile({ resource: { aws_kms_key: { k: { enable_key_rotation: true } } } }),
  },
];
