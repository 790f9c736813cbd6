import { NoPublicAcl } from '../../../../compliance/rules/least-privilege/NoPublicAcl';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

describe('TF-LP-11 NoPublicAcl', () => {
  test('Noncompliance 1: public canned ACLs on the ACL resource, the legacy bucket argument and objects', () => {
    const stack = fixtureStack({
      variable: { acl: {} },
      resource: {
        aws_s3_bucket_acl: {
          read: { bucket: 'b', acl: 'public-read' },
          write: { bucket: 'b', acl: 'public-read-write' },
          authenticated: { bucket: 'b', acl: 'authenticated-read' },
          from_var: { bucket: 'b', acl: '${var.acl}' },
          odd: { bucket: 'b', acl: 'Public-Read' },
          private: { bucket: 'b', acl: 'private' },
          logs: { bucket: 'b', acl: 'log-delivery-write' },
        },
        aws_s3_bucket: { legacy: { bucket: 'legacy', acl: 'public-read' }, plain: { bucket: 'plain' } },
        aws_s3_object: { obj: { bucket: 'b', key: 'k', acl: 'public-read' }, own: { bucket: 'b', key: 'k2' } },
      },
    });
    expect(byStatus(runRule(NoPublicAcl, stack))).toEqual({
      fail: ['aws_s3_bucket.legacy', 'aws_s3_bucket_acl.authenticated', 'aws_s3_bucket_acl.read', 'aws_s3_bucket_acl.write', 'aws_s3_object.obj'],
      unknown: ['aws_s3_bucket_acl.from_var', 'aws_s3_bucket_acl.odd'],
      suppressed: [],
      pass: ['aws_s3_bucket.plain', 'aws_s3_bucket_acl.logs', 'aws_s3_bucket_acl.private', 'aws_s3_object.own'],
    });
  });

  test('Noncompliance 2: explicit grants to AllUsers or AuthenticatedUsers, in block object and array forms', () => {
    const grant = (uri: string) => ({ grantee: [{ type: 'Group', uri }], permission: 'READ' });
    const owner = { owner: [{ id: 'abc' }] };
    const stack = fixtureStack({
      resource: {
        aws_s3_bucket_acl: {
          all_users: { bucket: 'b', access_control_policy: [{ ...owner, grant: [grant(ALL_USERS)] }] },
          authenticated_object_form: { bucket: 'b', access_control_policy: { ...owner, grant: { grantee: { type: 'Group', uri: AUTHENTICATED }, permission: 'READ' } } },
          owner_only: { bucket: 'b', access_control_policy: [{ ...owner, grant: [{ grantee: [{ type: 'CanonicalUser', id: 'abc' }], permission: 'FULL_CONTROL' }] }] },
          unresolved_uri: { bucket: 'b', access_control_policy: [{ ...owner, grant: [grant('${var.group}')] }] },
        },
        aws_s3_bucket: { legacy_grant: { bucket: 'x', grant: [{ type: 'Group', uri: ALL_USERS, permissions: ['READ'] }] } },
      },
      variable: { group: {} },
    });
    expect(byStatus(runRule(NoPublicAcl, stack))).toEqual({
      fail: ['aws_s3_bucket.legacy_grant', 'aws_s3_bucket_acl.all_users', 'aws_s3_bucket_acl.authenticated_object_form'],
      unknown: ['aws_s3_bucket_acl.unresolved_uri'],
      suppressed: [],
      pass: ['aws_s3_bucket_acl.owner_only'],
    });
  });
});
