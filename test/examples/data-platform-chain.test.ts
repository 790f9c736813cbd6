/**
 * The backend's security-group chain (seed 003): Aurora and OpenSearch admit
 * the platform's Lambda functions and Fargate tasks, each by its own group,
 * and nothing else; the integration database in the tooling account admits
 * only the pipeline's builds. Read from the synthesized JSON, like the gate.
 */
import { buildDataPlatform } from '../../examples/data-platform/platform';
import { TerraformStack } from '../../core/cdktf';
import { newApp, resourcesOf, synthJson, TerraformJson } from '../support/synth';

type Rule = Record<string, unknown>;

/** `<group path> <- <source group path or CIDR> :<from>-<to>/<protocol>`, for every ingress rule of the stack. */
function ingressChain(json: TerraformJson): string[] {
  const pathOf = (r: Record<string, unknown>) => (r['//'] as { metadata: { path: string } }).metadata.path.split('/').slice(1).join('/');
  const sgPathByRef = new Map(Object.entries(resourcesOf(json, 'aws_security_group')).map(([key, sg]) => [`\${aws_security_group.${key}.id}`, pathOf(sg)]));
  const name = (r: unknown): string => sgPathByRef.get(r as string) ?? `?${String(r)}`;
  return Object.values(resourcesOf(json, 'aws_vpc_security_group_ingress_rule'))
    .map((r: Rule) => `${name(r.security_group_id)} <- ${r.referenced_security_group_id ? name(r.referenced_security_group_id) : r.cidr_ipv4} :${r.from_port}-${r.to_port}/${r.ip_protocol}`)
    .sort();
}

function synth(internetFacing: boolean): Map<string, TerraformJson> {
  const app = newApp();
  buildDataPlatform(app, { internetFacing });
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return new Map(stacks.map((s) => [s.node.id, synthJson(s)]));
}

const PLATFORM_COMPUTE = ['api-handler/security-group', 'search-handler/security-group', 'tasks/security-group', 'worker/security-group'];

describe.each([true, false])('data platform security-group chain (internet-facing: %s)', (internetFacing) => {
  const json = synth(internetFacing);
  const deployment = json.get('deployment-platform')!;
  const chain = ingressChain(deployment);
  const into = (group: string) => chain.filter((c) => c.startsWith(`${group} <- `));

  it('Aurora admits exactly the platform functions and tasks, on the PostgreSQL port', () => {
    const db = chain.map((c) => c.split(' <- ')[0]!).find((g) => g.startsWith('metadata-db/'))!;
    expect(into(db)).toEqual(PLATFORM_COMPUTE.map((src) => `${db} <- ${src} :5432-5432/tcp`));
  });

  it('OpenSearch admits exactly the platform functions and tasks, on HTTPS', () => {
    expect(into('catalog/security-group')).toEqual(PLATFORM_COMPUTE.map((src) => `catalog/security-group <- ${src} :443-443/tcp`));
  });

  it('the functions and tasks themselves take no ingress (the VPC-facing sites take it from their ALB only)', () => {
    for (const group of PLATFORM_COMPUTE) expect(into(group)).toEqual([]);
    const sites = chain.filter((c) => c.startsWith('site-'));
    expect(sites).toEqual(internetFacing ? [] : ['site-docs/security-group <- sites-alb-security-group :8080-8080/tcp', 'site-ui/security-group <- sites-alb-security-group :8080-8080/tcp']);
  });

  it('no other way in: no inline or legacy rules on any group', () => {
    expect(resourcesOf(deployment, 'aws_security_group_rule')).toEqual({});
    for (const sg of Object.values(resourcesOf(deployment, 'aws_security_group'))) expect(sg.ingress).toBeUndefined();
  });

  it('the functions and tasks reach Aurora through their own egress rules', () => {
    const egress = Object.values(resourcesOf(deployment, 'aws_vpc_security_group_egress_rule')).filter((r) => r.from_port === 5432);
    expect(egress).toHaveLength(PLATFORM_COMPUTE.length);
  });

  it('tooling: the integration database admits only the pipeline builds', () => {
    const tooling = ingressChain(json.get('tooling-cicd')!);
    const db = tooling.filter((c) => c.startsWith('integration-db/'));
    expect(db).toEqual([expect.stringMatching(/^integration-db\/\S+ <- pipeline\/\S+ :5432-5432\/tcp$/)]);
  });
});
