/**
 * Orders the e2e files longest first, so that with two workers the long
 * example suites start at once and the short files fill in beside them. jest's
 * own order needs timings from an earlier run, which a fresh CI machine never
 * has (it then sorts by file size, and every example file is the same size).
 * The weights are minutes seen on 2 cores in a full `npm test` (the other
 * tiers running beside e2e); a file not listed runs last.
 */
const Sequencer = require('@jest/test-sequencer').default;

const MINUTES = [
  ['examples/aito.e2e.ts', 21],
  ['examples/web-platform.e2e.ts', 13],
  ['cdktf-deploy.e2e.ts', 11],
  ['examples/data-platform.e2e.ts', 11],
  ['examples/free-tier-hardened.e2e.ts', 6],
  ['terraform-validate.e2e.ts', 5],
  ['examples/free-tier-ids.e2e.ts', 3],
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
