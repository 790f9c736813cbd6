import { ReportInput, TOOL_NAME, TOOL_VERSION } from './tool';

/** `{ tool, summary, findings[] }`, as the CLI contract in ARCHITECTURE.md states. */
export function formatJson(input: ReportInput): string {
  return `${JSON.stringify({ tool: { name: TOOL_NAME, version: TOOL_VERSION }, summary: input.summary, findings: input.findings }, null, 2)}\n`;
}
