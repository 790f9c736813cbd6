import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '**/cdktf.out/', 'coverage/', '.stryker-tmp/', 'reports/', '.venv/', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@cdktf/provider-aws', message: 'The provider root costs 2-5 s and ~550 MB per process. Deep-import @cdktf/provider-aws/lib/<resource>.' },
            { name: 'cdktf', message: 'Import cdktf through core/cdktf.ts (tenantform/stacks re-exports App) so a move to the cdktn fork is one line.' },
            { name: 'constructs', message: 'Import constructs through core/cdktf.ts.' },
          ],
        },
      ],
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
    // The seam itself is the one place allowed to name the runtime packages.
    files: ['core/cdktf.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
