import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatText, TextOptions } from './text';
import { ReportInput } from './tool';

export { formatGithub, formatJson, formatJunit, formatSarif, formatText };
export { ruleAnchor, ruleDocUri } from './rule-docs';
export type { ReportInput, TextOptions };
export { TOOL_NAME, TOOL_VERSION } from './tool';

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Renders a report in one of the CLI's formats. */
export function formatReport(format: Format, input: ReportInput, text: TextOptions = { color: false }): string {
  switch (format) {
    case 'json':
      return formatJson(input);
    case 'sarif':
      return formatSarif(input);
    case 'junit':
      return formatJunit(input);
    case 'github':
      return formatGithub(input);
    case 'text':
      return formatText(input, text);
  }
}
