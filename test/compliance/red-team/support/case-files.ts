import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RedTeamCase, RedTeamControl } from './red-team-case';

export interface CaseFile {
  readonly cases?: readonly RedTeamCase[];
  readonly controls?: readonly RedTeamControl[];
}

/** Every case file of the suite (`cases/*.cases.ts`), by file name. */
export function loadCaseFiles(): ReadonlyMap<string, CaseFile> {
  const dir = join(__dirname, '..', 'cases');
  const out = new Map<string, CaseFile>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.cases.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    out.set(f, require(join(dir, f)) as CaseFile);
  }
  return out;
}
