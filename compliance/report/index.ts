import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatText, TextOptions } from './text';
import { ReportInput } from './tool';

export { formatJson, formatJunit, formatSarif, formatText };
export type { ReportInput, TextOptions };
export { TOOL_NAME, TOOL_VERSION } from './tool';

export const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
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
    case 'text':
      return formatText(input, text);
  }
}
