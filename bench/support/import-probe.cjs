// Child process for the import-cost bench, plain CommonJS so no TypeScript
// loader inflates the figure. `tenantform` mode requires one entry point of
// the built package the way a consumer does (`tenantform/constructs` unless
// a third argument names another) and records which provider modules it
// pulled in; `baseline` mode deep-imports exactly those modules directly;
// `schema-lib` mode does what `baseline` does, then times the props schema
// library (valibot) on its own, which is its share of the entry point's cost.
const { readFileSync, writeFileSync } = require('node:fs');

const [mode, listFile, entry = 'tenantform/constructs'] = process.argv.slice(2);
const start = process.hrtime.bigint();
if (mode === 'tenantform') {
  require(entry);
} else {
  require('cdktf');
  require('constructs');
  for (const m of JSON.parse(readFileSync(listFile, 'utf8'))) require(m);
}
let ms = Number(process.hrtime.bigint() - start) / 1e6;
if (mode === 'schema-lib') {
  const before = process.hrtime.bigint();
  require('valibot');
  ms = Number(process.hrtime.bigint() - before) / 1e6;
}
const rss = process.memoryUsage().rss;
let providerModules;
if (mode === 'tenantform') {
  providerModules = Object.keys(require.cache)
    .map((p) => /node_modules\/(@cdktf\/provider-aws\/lib\/[^/]+)\/index\.js$/.exec(p)?.[1])
    .filter((m) => m !== undefined);
  writeFileSync(listFile, JSON.stringify(providerModules));
}
process.stdout.write(`${JSON.stringify({ ms, rssMiB: rss / 2 ** 20, providerModules: providerModules?.length })}\n`);
