/**
 * The live audit against moto's server over real HTTP: accounts are seeded
 * through the AWS SDK (users, login profiles, MFA, keys, policies, password
 * policy, organization), then audited through the same SDK clients with an
 * endpoint override. No SDK mock anywhere.
 */
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateOrganizationCommand } from '@aws-sdk/client-organizations';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditAccount, AuditClients, createAuditClients } from '../../../compliance/audit';
import { Finding } from '../../../compliance/types';
import { MotoServer, startMoto } from '../../e2e/support/moto';

const PROD_ACCOUNT = '111111111111';
const logs = mkdtempSync(join(tmpdir(), 'tenantform-audit-'));
let moto: MotoServer;
let clients: AuditClients;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'moto';
  process.env.AWS_SECRET_ACCESS_KEY = 'moto';
  moto = await startMoto({ accountId: PROD_ACCOUNT, logDirectory: logs });
  clients = createAuditClients({ endpoint: moto.endpoint, region: 'us-east-1' });
  await seed(clients);
});

afterAll(async () => {
  await moto?.stop();
  rmSync(logs, { recursive: true, force: true });
});

async function seed({ iam, organizations }: AuditClients): Promise<void> {
  await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, PasswordReusePrevention: 24, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, RequireNumbers: true, RequireSymbols: false }));
  // alice: console with MFA, nothing else. bob: console without MFA. ci: access key, attached + inline policy.
  for (const UserName of ['alice', 'bob', 'ci']) await iam.send(new CreateUserCommand({ UserName }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Correct-horse-battery-1' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'bob', Password: 'Correct-horse-battery-2' }));
  const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }));
  await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: device.VirtualMFADevice!.SerialNumber!, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'ci' }));
  const policy = await iam.send(new CreatePolicyCommand({ PolicyName: 'ci-deploy', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::artifacts/*' }] }) }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'ci', PolicyArn: policy.Policy!.Arn! }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'ci', PolicyName: 'extra', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:111111111111:jobs' }] }) }));
}

function verdicts(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.status} ${f.address.replace(/^arn:aws:iam::\d+:/, '')}${f.finding ? ` ${f.finding.replace(/::.*/, '')}` : ''}`);
}

const DAY_MS = 24 * 60 * 60 * 1000;

describe('tenantform audit against moto', () => {
  it('GIVEN credentials of another account THEN only the account check runs, and it fails', async () => {
    const findings = await auditAccount(clients, { environment: 'dev', accountId: '222222222222' });
    expect(verdicts(findings)).toEqual(['TF-AUD-1 fail account']);
    expect(findings[0]?.message).toContain('belong to account 111111111111');
  });

  it('GIVEN the seeded prod account today THEN each weakness is reported and the rest passes', async () => {
    const findings = await auditAccount(clients, { environment: 'prod', accountId: PROD_ACCOUNT });
    expect(findings.every((f) => f.stack === 'prod')).toBe(true);
    expect(verdicts(findings)).toEqual([
      'TF-AUD-1 pass account',
      // moto never reports root MFA (it cannot be enabled through an API); a real account would pass.
      'TF-AUD-2 fail root',
      'TF-AUD-3 pass root',
      'TF-AUD-5 fail account',
      'TF-AUD-9 pass account',
      'TF-AUD-4 pass user/alice',
      'TF-AUD-8 pass user/alice',
      'TF-AUD-4 fail user/bob',
      'TF-AUD-8 pass user/bob',
      'TF-AUD-6 pass user/ci AccessKey',
      'TF-AUD-7 pass user/ci AccessKey',
      'TF-AUD-8 fail user/ci',
    ]);
    const byId = (id: string, address: string) => findings.find((f) => f.ruleId === id && f.address.endsWith(address));
    expect(byId('TF-AUD-5', 'account')?.message).toBe('password policy: minimum length 8 < 14; does not require symbols.');
    expect(byId('TF-AUD-8', 'user/ci')?.message).toBe(`ci has policies of its own: attached arn:aws:iam::${PROD_ACCOUNT}:policy/ci-deploy, inline extra.`);
  });

  it('GIVEN the same account 100 days later THEN the never-used key is both too old and idle', async () => {
    const later = new Date(Date.now() + 100 * DAY_MS);
    const findings = await auditAccount(clients, { environment: 'prod', accountId: PROD_ACCOUNT }, later);
    const keys = findings.filter((f) => f.ruleId === 'TF-AUD-6' || f.ruleId === 'TF-AUD-7');
    expect(keys.map((f) => [f.ruleId, f.status])).toEqual([
      ['TF-AUD-6', 'fail'],
      ['TF-AUD-7', 'fail'],
    ]);
    expect(keys[1]?.message).toMatch(/^ci's key \S+: never used, created 10[01] day\(s\) ago\.$/);
  });
});
