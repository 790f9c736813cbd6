import { Finding, Rule } from '../types';
import { ruleDocUri } from './rule-docs';
import { ReportInput, TOOL_NAME, TOOL_VERSION } from './tool';

/**
 * SARIF 2.1.0 for code-scanning UIs. Passing checks are left out; unknowns
 * are results of kind `fail` (they fail the gate) tagged in their properties.
 * Terraform addresses and construct paths go into logical locations; the
 * file, line and column of the resource's block into the physical one.
 */
export function formatSarif(input: ReportInput): string {
  const rules = [...input.rules];
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const results = input.findings.filter((f) => f.status !== 'pass').map((f) => result(f, index, input.sources));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            rules: rules.map(descriptor),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function descriptor(rule: Rule): Record<string, unknown> {
  const m = rule.meta;
  return {
    id: m.id,
    name: m.id.replace(/-/g, ''),
    shortDescription: { text: m.title },
    fullDescription: { text: m.title },
    help: { text: m.remediation },
    helpUri: ruleDocUri(m.id),
    defaultConfiguration: { level: m.level },
    properties: { category: m.category, invariant: m.invariant, tags: [m.category], ...(m.references.cis ? { cis: m.references.cis } : {}) },
  };
}

function result(f: Finding, index: ReadonlyMap<string, number>, sources: Readonly<Record<string, string>>): Record<string, unknown> {
  const ruleIndex = index.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    kind: 'fail',
    level: f.level,
    message: { text: `${f.message} Fix: ${f.remediation}` },
    locations: [
      {
        ...physical(f, sources),
        logicalLocations: [
          { fullyQualifiedName: `${f.stack}/${f.address}`, name: f.address, kind: 'resource' },
          ...(f.constructPath !== undefined ? [{ fullyQualifiedName: f.constructPath, name: f.constructPath.split('/').pop(), kind: 'object' }] : []),
        ],
      },
    ],
    partialFingerprints: { tenantformFinding: `${f.ruleId}|${f.stack}|${f.address}|${f.finding ?? ''}` },
    properties: { status: f.status, category: f.category, stack: f.stack, ...(f.finding ? { finding: f.finding } : {}), ...(f.constructPath ? { constructPath: f.constructPath } : {}) },
    ...(f.status === 'suppressed' ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: f.suppressionReason ?? '' }] } : {}),
    ...(f.status === 'baselined' ? { suppressions: [{ kind: 'external', status: 'accepted', justification: 'recorded in the --baseline file' }] } : {}),
  };
}

function physical(f: Finding, sources: Readonly<Record<string, string>>): Record<string, unknown> {
  const file = f.location?.file ?? sources[f.stack];
  if (file === undefined) return {};
  const uri = file.split('\\').join('/');
  const line = f.location?.line;
  const column = f.location?.column;
  const region = line === undefined ? undefined : column === undefined ? { startLine: line } : { startLine: line, startColumn: column };
  return { physicalLocation: { artifactLocation: { uri }, ...(region !== undefined ? { region } : {}) } };
}
