import {
  GetAccessKeyLastUsedCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetLoginProfileCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  paginateListAttachedUserPolicies,
  paginateListUserPolicies,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { AccessKeyFacts, AccountFacts, PasswordPolicyFacts, UserFacts } from './facts';

export interface AuditClients {
  readonly iam: IAMClient;
  readonly sts: STSClient;
  readonly organizations: OrganizationsClient;
}

export interface ClientOptions {
  /** Override every service endpoint (an emulator in tests; a VPC endpoint in locked-down networks). */
  readonly endpoint?: string;
  /** @default the SDK's region chain, else us-east-1 (IAM is global) */
  readonly region?: string;
}

/** SDK clients on the default credential chain (env, profile, SSO, instance role). */
export function createAuditClients(options: ClientOptions = {}): AuditClients {
  const config = {
    region: options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    maxAttempts: 3,
  };
  return { iam: new IAMClient(config), sts: new STSClient(config), organizations: new OrganizationsClient(config) };
}

function errorName(e: unknown): string {
  return (e as { name?: string }).name ?? '';
}

/** Reads everything the checks judge. Stops after STS when the account is not the expected one. */
export async function collectAccountFacts(clients: AuditClients, expectedAccount: string): Promise<AccountFacts> {
  const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  const callerAccount = identity.Account ?? '';
  const base = { callerAccount, callerArn: identity.Arn ?? '' };
  if (callerAccount !== expectedAccount) {
    return { ...base, rootMfaEnabled: false, rootAccessKeysPresent: false, users: [] };
  }
  const [summary, passwordPolicy, users, organization] = await Promise.all([
    clients.iam.send(new GetAccountSummaryCommand({})),
    readPasswordPolicy(clients.iam),
    readUsers(clients.iam),
    readOrganization(clients.organizations),
  ]);
  return {
    ...base,
    rootMfaEnabled: summary.SummaryMap?.AccountMFAEnabled === 1,
    rootAccessKeysPresent: summary.SummaryMap?.AccountAccessKeysPresent === 1,
    ...(passwordPolicy !== undefined ? { passwordPolicy } : {}),
    users,
    ...(organization !== undefined ? { organization } : {}),
  };
}

async function readPasswordPolicy(iam: IAMClient): Promise<PasswordPolicyFacts | undefined> {
  try {
    const p = (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
    if (p === undefined) return undefined;
    return {
      minimumLength: p.MinimumPasswordLength,
      reusePrevention: p.PasswordReusePrevention,
      requireUppercase: p.RequireUppercaseCharacters,
      requireLowercase: p.RequireLowercaseCharacters,
      requireNumbers: p.RequireNumbers,
      requireSymbols: p.RequireSymbols,
      maxAgeDays: p.MaxPasswordAge,
    };
  } catch (e) {
    if (errorName(e) === 'NoSuchEntityException' || errorName(e) === 'NoSuchEntity') return undefined;
    throw e;
  }
}

async function readUsers(iam: IAMClient): Promise<UserFacts[]> {
  const users: UserFacts[] = [];
  for await (const page of paginateListUsers({ client: iam }, {})) {
    for (const u of page.Users ?? []) {
      if (u.UserName === undefined) continue;
      users.push(await readUser(iam, u.UserName, u.Arn ?? u.UserName));
    }
  }
  return users.sort((a, b) => a.name.localeCompare(b.name));
}

async function readUser(iam: IAMClient, name: string, arn: string): Promise<UserFacts> {
  const [consoleAccess, mfa, keys, attached, inline] = await Promise.all([
    iam.send(new GetLoginProfileCommand({ UserName: name })).then(
      () => true,
      (e: unknown) => {
        if (errorName(e) === 'NoSuchEntityException' || errorName(e) === 'NoSuchEntity') return false;
        throw e;
      },
    ),
    iam.send(new ListMFADevicesCommand({ UserName: name })),
    readAccessKeys(iam, name),
    collect(paginateListAttachedUserPolicies({ client: iam }, { UserName: name }), (p) => (p.AttachedPolicies ?? []).map((a) => a.PolicyArn ?? a.PolicyName ?? '?')),
    collect(paginateListUserPolicies({ client: iam }, { UserName: name }), (p) => p.PolicyNames ?? []),
  ]);
  return { name, arn, consoleAccess, mfaDevices: mfa.MFADevices?.length ?? 0, accessKeys: keys, attachedPolicies: attached, inlinePolicies: inline };
}

async function readAccessKeys(iam: IAMClient, user: string): Promise<AccessKeyFacts[]> {
  const listed = (await iam.send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata ?? [];
  return Promise.all(
    listed.map(async (k) => {
      const id = k.AccessKeyId ?? '?';
      const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id }));
      const lastUsedAt = used.AccessKeyLastUsed?.LastUsedDate;
      return { id, status: k.Status ?? 'Active', ...(k.CreateDate ? { createdAt: k.CreateDate } : {}), ...(lastUsedAt ? { lastUsedAt } : {}) };
    }),
  );
}

async function collect<P, T>(pages: AsyncIterable<P>, pick: (page: P) => T[]): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...pick(page));
  return out.sort();
}

async function readOrganization(organizations: OrganizationsClient): Promise<AccountFacts['organization']> {
  try {
    const org = (await organizations.send(new DescribeOrganizationCommand({}))).Organization;
    return { member: true, ...(org?.Id ? { id: org.Id } : {}), ...(org?.MasterAccountId ? { managementAccount: org.MasterAccountId } : {}) };
  } catch (e) {
    if (errorName(e) === 'AWSOrganizationsNotInUseException') return { member: false };
    // No permission to ask: say nothing rather than guess.
    if (errorName(e) === 'AccessDeniedException') return undefined;
    throw e;
  }
}
