import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The runtime packages each have one seam in core/, so a move to the CDK
// Terrain fork (cdktn, @cdktn/provider-aws) touches those files only.
const providerRoot = {
  name: '@cdktf/provider-aws',
  message: 'The provider root costs 2-5 s and ~550 MB per process. Deep-import @cdktf/provider-aws/lib/<resource>, in the seam (core/aws*.ts) only.',
};
const runtimePaths = [
  providerRoot,
  { name: 'cdktf', message: 'Import cdktf through core/cdktf.ts (tenantform/stacks re-exports App) so a move to the cdktn fork is one line.' },
  { name: 'constructs', message: 'Import constructs through core/cdktf.ts.' },
];
const examplesSeam = {
  group: ['**/core/aws-examples', './aws-examples'],
  message: 'core/aws-examples.ts is for examples and tests; move the class to core/aws.ts if library code needs it.',
};
const stacksSeam = {
  group: ['**/core/aws-stacks', './aws-stacks'],
  message: 'core/aws-stacks.ts holds what only stacks/ instantiates; a construct takes the provider as a prop (type AwsProvider from core/aws.ts).',
};
const providerPatterns = [
  { group: ['@cdktf/provider-aws/*'], message: 'Import provider classes through the seam, core/aws.ts (core/aws-stacks.ts, core/aws-examples.ts for their consumers); add the class there if it is missing, so a move to @cdktn/provider-aws touches those files only.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '**/cdktf.out/', 'coverage/', '.stryker-tmp/', 'reports/', '.venv/', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-imports': ['error', { paths: runtimePaths, patterns: providerPatterns }],
    },
  },
  {
    // Plain CommonJS probes run outside any TypeScript loader.
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Library code must not load provider classes it does not use: the seam's
    // re-exports load eagerly, so its split by consumer is what keeps
    // tenantform/constructs cheap (bench/import-cost.bench.ts measures it).
    files: ['core/**/*.ts', 'constructs/**/*.ts', 'stacks/**/*.ts', 'compliance/**/*.ts', 'bin/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: runtimePaths, patterns: [...providerPatterns, examplesSeam] }] },
  },
  {
    files: ['core/**/*.ts', 'constructs/**/*.ts', 'compliance/**/*.ts', 'bin/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: runtimePaths, patterns: [...providerPatterns, examplesSeam, stacksSeam] }] },
  },
  {
    // One construct kit: IAM documents are built only by the policy vocabulary
    // (constructs/iam/policy.ts) and the grant helpers, so every policy
    // tenantform writes goes through one reviewed set of statements.
    files: ['constructs/**/*.ts', 'stacks/**/*.ts'],
    ignores: ['constructs/iam/policy.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='Version'][value.value='2012-10-17']",
          message: 'Inline IAM policy JSON: build the document with policyJson()/serviceTrustPolicy() from constructs/iam/policy.ts, or a grant helper from constructs/iam/grants.ts.',
        },
      ],
    },
  },
  {
    // The seam itself is the one place allowed to name the runtime packages.
    files: ['core/cdktf.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The provider seam deep-imports; the root stays forbidden even here.
    // bench/ baselines measure raw cdktf as a user writes it, without
    // tenantform, so they import the provider directly (deep paths only).
    files: ['core/aws.ts', 'core/aws-stacks.ts', 'core/aws-examples.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: runtimePaths }] },
  },
);
