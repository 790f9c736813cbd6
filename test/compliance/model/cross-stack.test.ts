import { checkStacks } from '../../../compliance/engine';
import { linkCrossStackReferences, missingProducers } from '../../../compliance/model/cross-stack';
import { stackFromJson } from '../../../compliance/model/build';
import { EbsVolumeEncrypted } from '../../../compliance/rules/encryption/EbsVolumeEncrypted';
import { StackModel } from '../../../compliance/types';

const S3 = (key: string) => ({ bucket: 'acme-prod-tfstate', key, region: 'eu-west-1' });

/** A producer exporting `outputs` and declaring a KMS key, the way cdktf writes cross-stack outputs. */
function producer(outputs: Record<string, string>, backendKey = 'tenantform/prod-platform.tfstate'): StackModel {
  return stackFromJson(
    {
      terraform: { backend: { s3: S3(backendKey) } },
      resource: { aws_kms_key: { data: { enable_key_rotation: true } } },
      output: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { value: v }])),
    },
    'prod-platform',
    'test',
  );
}

/** A consumer whose volume key is read from the producer's `key_arn` output. */
function consumer(remoteKey = 'tenantform/prod-platform.tfstate'): StackModel {
  return stackFromJson(
    {
      terraform: { backend: { s3: S3('tenantform/prod-tenant-acme.tfstate') } },
      data: { terraform_remote_state: { platform: { backend: 's3', config: S3(remoteKey) } } },
      resource: {
        aws_ebs_volume: {
          data: { availability_zone: 'eu-west-1a', encrypted: true, kms_key_id: '${data.terraform_remote_state.platform.outputs.key_arn}' },
        },
      },
    },
    'prod-tenant-acme',
    'test',
  );
}

function volumeKey(stacks: StackModel[]): unknown {
  const linked = linkCrossStackReferences(stacks).find((s) => s.name === 'prod-tenant-acme')!;
  return linked.resources.get('aws_ebs_volume.data')!.values.kms_key_id;
}

function ebsStatus(stacks: StackModel[]): string[] {
  return checkStacks(stacks, [EbsVolumeEncrypted]).filter((f) => f.stack === 'prod-tenant-acme').map((f) => f.status);
}

describe('linkCrossStackReferences', () => {
  test('GIVEN an output that is one key attribute of the producer THEN the value carries that origin and the key counts as customer managed', () => {
    const stacks = [producer({ key_arn: '${aws_kms_key.data.arn}' }), consumer()];
    expect(volumeKey(stacks)).toEqual(expect.objectContaining({ origin: { stack: 'prod-platform', ref: 'aws_kms_key.data.arn' } }));
    expect(ebsStatus(stacks)).toEqual(['pass']);
  });

  test('GIVEN an output holding a literal THEN the consumer sees the literal', () => {
    expect(volumeKey([producer({ key_arn: 'alias/aws/ebs' }), consumer()])).toBe('alias/aws/ebs');
    expect(ebsStatus([producer({ key_arn: 'alias/aws/ebs' }), consumer()])).toEqual(['fail']);
  });

  test.each<[string, StackModel[]]>([
    ['the producer is not part of the run', [consumer()]],
    ['the remote state reads another state file', [producer({ key_arn: '${aws_kms_key.data.arn}' }), consumer('tenantform/elsewhere.tfstate')]],
    ['the output is a variable', [producer({ key_arn: '${var.key}' }), consumer()]],
    ['the output names a key the producer does not declare', [producer({ key_arn: '${aws_kms_key.ghost.arn}' }), consumer()]],
    ['the output does not exist', [producer({}), consumer()]],
  ])('GIVEN %s THEN the value stays unknown and fails closed', (_why, stacks) => {
    const value = volumeKey(stacks) as { origin?: unknown; $unknown?: string };
    expect(value.$unknown).toBe('${data.terraform_remote_state.platform.outputs.key_arn}');
    expect(value.origin).toBeUndefined();
    expect(ebsStatus(stacks)).toEqual(['unknown']);
  });
});

describe('cross-stack unknowns explain themselves', () => {
  test('GIVEN the producer is missing THEN the finding names it, where its state lives, and says to check both together', () => {
    const [finding] = checkStacks([consumer()], [EbsVolumeEncrypted]);
    expect(finding!.status).toBe('unknown');
    expect(finding!.message).toContain('stack prod-platform (state s3://acme-prod-tfstate/tenantform/prod-platform.tfstate), output key_arn, which is not in the input');
    expect(finding!.message).toContain('check it together with prod-platform');
  });

  test('GIVEN the producer is in the input THEN an unknown that stays unknown does not blame a missing stack', () => {
    const [finding] = checkStacks([producer({ key_arn: '${var.key}' }), consumer()].reverse(), [EbsVolumeEncrypted]).filter((f) => f.stack === 'prod-tenant-acme');
    expect(finding!.status).toBe('unknown');
    expect(finding!.message).not.toContain('not in the input');
    expect(missingProducers(linkCrossStackReferences([producer({ key_arn: '${var.key}' }), consumer()])[1]!.resources.get('aws_ebs_volume.data')!)).toEqual([]);
  });

  test('GIVEN the consumer reads the output through a local THEN it is still linked to the producer', () => {
    const throughLocal = stackFromJson(
      {
        terraform: { backend: { s3: S3('tenantform/prod-tenant-acme.tfstate') } },
        locals: { key: '${data.terraform_remote_state.platform.outputs.key_arn}' },
        data: { terraform_remote_state: { platform: { backend: 's3', config: S3('tenantform/prod-platform.tfstate') } } },
        resource: { aws_ebs_volume: { data: { availability_zone: 'eu-west-1a', encrypted: true, kms_key_id: '${local.key}' } } },
      },
      'prod-tenant-acme',
      'test',
    );
    expect(ebsStatus([producer({ key_arn: '${aws_kms_key.data.arn}' }), throughLocal])).toEqual(['pass']);
    expect(ebsStatus([throughLocal])).toEqual(['unknown']);
  });
});
