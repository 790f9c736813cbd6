/**
 * Orders the e2e files longest first, so that with two workers the long
 * example suites start at once and the short files fill in beside them. jest's
 * own order needs timings from an earlier run, which a fresh CI machine never
 * has (it then sorts by file size, and every example file is the same size).
 * The weights are minutes seen on 2 cores; a file not listed runs last.
 */
const Sequencer = require('@jest/test-sequencer').default;

const MINUTES = [
  ['examples/aito.e2e.ts', 14],
  ['examples/web-platform.e2e.ts', 12],
  ['examples/data-platform.e2e.ts', 10],
  ['cdktf-deploy.e2e.ts', 10],
  ['terraform-validate.e2e.ts', 5],
  ['examples/free-tier-ids.e2e.ts', 2],
  ['examples/free-tier-hardened.e2e.ts', 2],
];

function weight(path) {
  const normalized = path.split('\\').join('/');
  const hit = MINUTES.find(([suffix]) => normalized.endsWith(`/${suffix}`));
  return hit === undefined ? 0 : hit[1];
}

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => weight(b.path) - weight(a.path) || a.path.localeCompare(b.path));
  }
}

module.exports = LongestFirstSequencer;
