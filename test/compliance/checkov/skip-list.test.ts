import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SKIP_LIST, loadSkipList, matchSkip } from '../../../compliance/checkov';

function listFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'skip-')), 'skip.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('checkov skip list', () => {
  it('the shipped list is valid, with a reason on every entry', () => {
    const entries = loadSkipList(DEFAULT_SKIP_LIST);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.reason.length).toBeGreaterThanOrEqual(10);
      if (e.removeWhen !== undefined) expect(e.removeWhen.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['not JSON', '{'],
    ['no entries array', { skips: [] }],
    ['short reason', { entries: [{ checkId: 'CKV_AWS_1', reason: 'because' }] }],
    ['bad check ID', { entries: [{ checkId: 'TF-NET-1', reason: 'a long enough reason' }] }],
    ['unknown key', { entries: [{ checkId: 'CKV_AWS_1', reason: 'a long enough reason', address: 'x' }] }],
    ['bad resourceTypes', { entries: [{ checkId: 'CKV_AWS_1', reason: 'a long enough reason', resourceTypes: 'aws_vpc' }] }],
  ])('refuses a list with %s (TF-CKV-003)', (_why, content) => {
    expect(codeOf(() => loadSkipList(listFile(content)))).toBe('TF-CKV-003');
  });

  it('matches on check ID and, when given, resource type', () => {
    const list = [{ checkId: 'CKV_AWS_231', resourceTypes: ['aws_network_acl'], reason: 'a long enough reason' }];
    expect(matchSkip(list, 'CKV_AWS_231', 'aws_network_acl')).toBe(list[0]);
    expect(matchSkip(list, 'CKV_AWS_231', 'aws_network_acl_rule')).toBeUndefined();
    expect(matchSkip(list, 'CKV_AWS_232', 'aws_network_acl')).toBeUndefined();
  });
});
