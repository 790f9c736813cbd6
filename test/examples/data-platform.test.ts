import { checkStacks, gateFailures } from '../../compliance/engine';
import { stackFromJson } from '../../compliance/model';
import { allRules } from '../../compliance/rules';
import { TerraformStack } from '../../core/cdktf';
import { buildDataPlatform } from '../../examples/data-platform/platform';
import { DataPlatformConfig } from '../../examples/data-platform/config';
import { newApp, resourcesOf, synthJson } from '../support/synth';

/** Every stack of the example, synthesized in-process, judged together as one gate run. */
export function dataPlatform(overrides: Partial<DataPlatformConfig> = {}) {
  const app = newApp();
  const built = buildDataPlatform(app, overrides);
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  const json = new Map(stacks.map((s) => [s.node.id, synthJson(s)]));
  const models = stacks.map((s) => stackFromJson(json.get(s.node.id)!, s.node.id, `${s.node.id} (in-process synth)`));
  return { built, json, failures: gateFailures(checkStacks(models, allRules)).map((f) => `${f.ruleId} ${f.status} ${f.stack} ${f.address}: ${f.message}`) };
}

describe('examples/data-platform', () => {
  const internet = dataPlatform();
  const deployment = internet.json.get('deployment-platform')!;

  it('has the tooling, deployment and linked accounts, one stack each', () => {
    const accounts = Object.fromEntries([...internet.json].map(([name, j]) => [name, (j.provider!.aws![0]!.allowed_account_ids as string[])[0]]));
    expect(accounts).toEqual({ 'tooling-cicd': '710000000001', 'deployment-platform': '710000000002', 'linked-environment': '710000000003' });
  });

  it('passes the gate (internet-facing)', () => {
    expect(internet.failures).toEqual([]);
  });

  it('internet-facing: UI and docs are S3 sites behind CloudFront with WAF', () => {
    const distributions = Object.values(resourcesOf(deployment, 'aws_cloudfront_distribution'));
    expect(distributions.map((d) => d.aliases)).toEqual([['ui.data.acme.example'], ['docs.data.acme.example']]);
    for (const d of distributions) expect(d.web_acl_id).toMatch(/^\$\{aws_wafv2_web_acl\./);
    expect(Object.values(resourcesOf(deployment, 'aws_lb'))).toHaveLength(0);
  });

  it('the API is private behind its execute-api endpoint, with WAF and a Cognito authorizer', () => {
    expect(Object.values(resourcesOf(deployment, 'aws_api_gateway_rest_api'))[0]!.endpoint_configuration).toMatchObject({ types: ['PRIVATE'] });
    expect(Object.values(resourcesOf(deployment, 'aws_api_gateway_authorizer'))[0]).toMatchObject({ type: 'COGNITO_USER_POOLS' });
    expect(Object.values(resourcesOf(deployment, 'aws_wafv2_web_acl_association'))).toHaveLength(1);
  });

  it('the worker takes its tasks from an encrypted FIFO queue', () => {
    const queues = Object.values(resourcesOf(deployment, 'aws_sqs_queue')).filter((q) => q.fifo_queue === true);
    expect(queues.map((q) => q.name).sort()).toEqual(['tf-deployment-worker-tasks-dlq.fifo', 'tf-deployment-worker-tasks.fifo']);
    expect(Object.values(resourcesOf(deployment, 'aws_lambda_event_source_mapping'))).toHaveLength(1);
  });

  it('the pivot role trusts the deployment account under the external ID; the deploy role trusts the tooling build role', () => {
    const pivot = Object.values(resourcesOf(internet.json.get('linked-environment')!, 'aws_iam_role')).find((r) => r.name === 'data-platform-pivot')!;
    expect(JSON.stringify(JSON.parse(pivot.assume_role_policy as string))).toContain('sts:ExternalId');
    const deploy = Object.values(resourcesOf(deployment, 'aws_iam_role')).find((r) => r.name === 'data-platform-deploy')!;
    expect(JSON.stringify(JSON.parse(deploy.assume_role_policy as string))).toContain('arn:aws:iam::710000000001:role/tooling-data-platform-build');
  });

  it('the VPC-facing variant synthesizes too: sites on Fargate behind an internal HTTPS ALB, no CloudFront, and passes the gate', () => {
    const vpc = dataPlatform({ internetFacing: false });
    const d = vpc.json.get('deployment-platform')!;
    expect(resourcesOf(d, 'aws_cloudfront_distribution')).toEqual({});
    expect(Object.values(resourcesOf(d, 'aws_lb'))).toEqual([expect.objectContaining({ internal: true, load_balancer_type: 'application' })]);
    expect(Object.values(resourcesOf(d, 'aws_ecs_service')).map((s) => s.name).sort()).toEqual(['tf-deployment-site-docs', 'tf-deployment-site-ui', 'tf-deployment-tasks']);
    expect(vpc.failures).toEqual([]);
  });
});
