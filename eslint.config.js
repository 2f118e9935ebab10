// ESLint flat config: @eslint/js and typescript-eslint's recommended rules everywhere, Vue's for the
// screens, and a few type-aware rules on the server, where a forgotten promise is a lost write or an
// unanswered command (type-aware linting builds a TypeScript program, so it runs where it pays).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'data/', '.tmp/', 'test-results/', 'playwright-report/', 'bench/results/'] },

  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],

  {
    files: ['**/*.{ts,mts,js,mjs,cjs,vue}'],
    rules: {
      // TypeScript (vue-tsc) already knows every global, in Node and in the browser; ESLint's list would only disagree.
      'no-undef': 'off',
      // `x != null` (null or undefined) is the one loose comparison worth keeping.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // It flags an initial value that every branch of a try/catch then overwrites: a deliberate
      // style here (the value the reader sees first is the fallback), not a defect.
      'no-useless-assignment': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      // `import { type A }` alone still loads the module (verbatimModuleSyntax keeps `import {}`): `import type`.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Tests and harnesses sometimes assert that a value is there; the type checker already guards the rest.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      'vue/no-mutating-props': 'error',
      // Prettier-like formatting rules: the code base has its own consistent style; these would only churn it.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/attributes-order': 'off',
    },
  },

  // Plain JavaScript (the build and start scripts, the service worker) is not type-checked: ESLint
  // checks its globals instead. The `globals` package is not a dependency; these are the ones used.
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'URLSearchParams', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'fetch', 'Response', 'Request', 'caches', 'self', 'structuredClone'].map((name) => [name, 'readonly']),
      ),
    },
    rules: { 'no-undef': 'error' },
  },

  // Migrations are frozen in time and typed Kysely<any> on purpose: the Database type moves on without them.
  {
    files: ['db/migrations/**/*.ts', 'db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // The server and its repositories: type-aware checks for promises nobody awaits or handles.
  {
    files: ['server/**/*.ts', 'db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a callback's result is ignored (a socket handler, an event listener)
      // loses its rejection: the command is never acknowledged.
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
)
