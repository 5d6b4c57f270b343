import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'examples/**/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Type-aware rules: a promise left floating or an `any` spreading through the code is an error.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // core.group and jest take callbacks that return a promise; synchronous work in them is fine.
      '@typescript-eslint/require-await': 'off',
      'no-console': ['error', { allow: ['error'] }]
    }
  },
  { files: ['scripts/**', 'bench/**', 'src/cli/**', 'test/**'], rules: { 'no-console': 'off' } },
  {
    // Tests edit configs as raw YAML data and load the build scripts, which have no types.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-unsafe-member-access': 'off', '@typescript-eslint/no-unsafe-call': 'off' }
  },
  // Plain JavaScript (build scripts, this file) has no types to check.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked }
)
