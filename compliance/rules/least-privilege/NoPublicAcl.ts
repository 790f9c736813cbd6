import { blocksOf, checkEach, decide, defineRule, isUnknown, isUnresolved } from '../../rule-kit';
import { ResourceModel } from '../../types';

/** Canned ACLs that grant nothing beyond the owner and AWS services. */
const PRIVATE_CANNED_ACLS = new Set(['private', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write']);
/** Canned ACLs that let everyone, or every AWS account, read or write. */
const PUBLIC_CANNED_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
/** Grantee group URIs that stand for the internet and for every authenticated AWS principal. */
const PUBLIC_GROUP = /\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;

/** Problems and unknowns of a canned `acl` argument; absent means private. */
function cannedAcl(value: unknown, problems: string[], unknowns: string[]): void {
  if (value === undefined || value === null || value === '') return;
  if (typeof value !== 'string' || isUnresolved(value)) unknowns.push(`acl is ${isUnknown(value) ? value.$unknown : JSON.stringify(value)}`);
  else if (PUBLIC_CANNED_ACLS.has(value)) problems.push(`acl "${value}" grants access to ${value === 'authenticated-read' ? 'every AWS account' : 'everyone'}`);
  else if (!PRIVATE_CANNED_ACLS.has(value)) unknowns.push(`acl "${value}" is not a canned ACL this rule knows`);
}

/** Problems and unknowns of explicit grants: `grant` blocks (legacy bucket) or `access_control_policy.grant[].grantee`. */
function grants(list: unknown, grantee: (g: Record<string, unknown>) => unknown, problems: string[], unknowns: string[]): void {
  if (isUnknown(list)) {
    unknowns.push(`grants are ${list.$unknown}`);
    return;
  }
  for (const g of blocksOf(list)) {
    const who = grantee(g);
    const uris = isUnknown(who) ? [who] : blocksOf(who).map((x) => x.uri);
    for (const uri of uris) {
      if (uri === undefined || uri === null || uri === '') continue;
      if (typeof uri !== 'string' || isUnresolved(uri)) unknowns.push(`a grantee URI is ${isUnknown(uri) ? uri.$unknown : JSON.stringify(uri)}`);
      else if (PUBLIC_GROUP.test(uri)) problems.push(`a grant to ${uri.split('/').pop()} opens it to ${uri.endsWith('AllUsers') ? 'everyone' : 'every AWS account'}`);
    }
  }
}

function judge(r: ResourceModel): ReturnType<typeof decide> {
  const problems: string[] = [];
  const unknowns: string[] = [];
  cannedAcl(r.values.acl, problems, unknowns);
  if (r.type === 'aws_s3_bucket') {
    // Legacy inline grants: each block names its grantee directly.
    grants(r.values.grant, (g) => (g.uri !== undefined ? [{ uri: g.uri }] : []), problems, unknowns);
  } else if (r.type === 'aws_s3_bucket_acl') {
    const policy = r.values.access_control_policy;
    if (isUnknown(policy)) unknowns.push(`access_control_policy is ${policy.$unknown}`);
    else for (const p of blocksOf(policy)) grants(p.grant, (g) => g.grantee, problems, unknowns);
  } else {
    grants(r.values.grant, (g) => (g.uri !== undefined ? [{ uri: g.uri }] : []), problems, unknowns);
  }
  return decide(r.address, problems, unknowns, 'no ACL grants access beyond the owner.');
}

/** TF-LP-11: S3 ACLs never open a bucket or object to everyone. */
export const NoPublicAcl = defineRule(
  {
    id: 'TF-LP-11',
    title: 'Ensure no S3 ACL grants access to everyone or to every AWS account',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_s3_bucket_acl', 'aws_s3_bucket', 'aws_s3_object'],
    remediation:
      'Drop public-read, public-read-write and authenticated-read canned ACLs and grants to the AllUsers or AuthenticatedUsers groups. Prefer no ACLs at all: set object ownership to BucketOwnerEnforced (aws_s3_bucket_ownership_controls), which disables ACLs, and grant access with a bucket policy that names its principals.',
    references: { checkov: ['CKV_AWS_20', 'CKV_AWS_57'], cdkNag: ['AwsSolutions-S2'] },
  },
  (stack) => checkEach(stack, ['aws_s3_bucket_acl', 'aws_s3_bucket', 'aws_s3_object'], judge),
);
