/** S3 ACLs that open data to everyone, in forms Terraform accepts. */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { mainFile, ref } from '../support/module';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

export const cases: RedTeamCase[] = [
  {
    id: 'public-acl/canned-public-read',
    why: 'a public-read canned ACL on the ACL resource',
    files: mainFile({ resource: { aws_s3_bucket_acl: { a: { bucket: 'acme-dev-data', acl: 'public-read' } } } }),
    expect: { rules: ['TF-LP-11'] },
  },
  {
    id: 'public-acl/canned-through-local',
    why: 'the canned ACL read from a local',
    files: mainFile({ locals: { acl: 'public-read-write' }, resource: { aws_s3_bucket_acl: { a: { bucket: 'acme-dev-data', acl: ref('local.acl') } } } }),
    expect: { rules: ['TF-LP-11'] },
  },
  {
    id: 'public-acl/grant-to-all-users-array-forms',
    why: 'an explicit READ grant to AllUsers, every nested block in array form',
    files: mainFile({
      resource: {
        aws_s3_bucket_acl: {
          a: { bucket: 'acme-dev-data', access_control_policy: [{ owner: [{ id: 'owner-canonical-id' }], grant: [{ permission: 'READ', grantee: [{ type: 'Group', uri: ALL_USERS }] }] }] },
        },
      },
    }),
    expect: { rules: ['TF-LP-11'] },
  },
  {
    id: 'public-acl/legacy-bucket-acl-argument',
    why: 'the deprecated acl argument of aws_s3_bucket, still accepted by provider 5',
    files: mainFile({ resource: { aws_s3_bucket: { b: { bucket: 'acme-dev-legacy', acl: 'authenticated-read' } } } }),
    expect: { rules: ['TF-LP-11'] },
  },
  {
    id: 'public-acl/object-acl-from-variable',
    why: 'an object ACL from a variable whose default is public',
    files: mainFile({ variable: { acl: { type: 'string', default: 'public-read' } }, resource: { aws_s3_object: { o: { bucket: 'acme-dev-data', key: 'report.csv', content: 'x', acl: ref('var.acl') } } } }),
    expect: { rules: ['TF-LP-11'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'public-acl/private-acl',
    why: 'a private canned ACL',
    files: mainFile({ resource: { aws_s3_bucket_acl: { a: { bucket: 'acme-dev-data', acl: 'private' } } } }),
  },
];
