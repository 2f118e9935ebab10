import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { precompress } from './scripts/precompress.ts'

const serverPort = Number(process.env.PORT ?? 3000)

export default defineConfig({
  root: 'client',
  // precompress: .br and .gz beside each built file, sent as they are by the server (plugins/client.ts).
  // optionsAPI off: every component is <script setup>, so Vue's Options API support is dead weight in
  // every page (about 2 KB gzip).
  plugins: [vue({ features: { optionsAPI: false } }), precompress()],
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) },
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // .vite/manifest.json: which files each page loads (the bundle bench reads it; the server hides dotfiles).
    manifest: true,
    rollupOptions: {
      // The precompression (above) takes most of a build's plugin time, by design: not a warning.
      checks: { bundlerTimings: false },
      output: {
        // zod and csp.ts (which turns zod's eval probe off) share one chunk, so the setting runs as
        // soon as zod is loaded and before any schema in another chunk is built: with them apart,
        // the shared schemas' chunk ran first and the strict CSP reported a blocked eval.
        manualChunks: (id) => (/[\\/]node_modules[\\/]zod[\\/]|[\\/]client[\\/]src[\\/]csp\.ts$/.test(id) ? 'zod' : undefined),
      },
    },
  },
  server: {
    // The dev server forwards the API and the socket to the Fastify process.
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/socket.io': { target: `http://localhost:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'client/src/**/*.test.ts'],
    // Database-backed suites share one PostgreSQL when DATABASE_URL is set; they isolate by meeting id.
    globalSetup: ['tests/fixtures/global-setup.ts'],
    // Generous: a loaded CI machine (2 cores) runs some whole-table suites slowly; a hang still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Measured on 2 shared cores (issue 12): a fresh process per test file spent more than the tests
    // themselves starting and importing fastify, socket.io, zod and vue again (full run: 1,055 s
    // wall, 212 s CPU with one isolated worker; 408 s, 118 s with two reused ones, same load). The
    // suites clean up after themselves (their own meetings and accounts, apps and sockets closed),
    // as they must to share one PostgreSQL, so a worker runs file after file. Vitest's default on
    // 2 cores is one worker; a second overlaps the tests that wait on sockets and child processes.
    isolate: false,
    maxWorkers: 2,
    // `npm run coverage`: which of the app's code the tests run, summarised for CI (no threshold: a
    // figure to watch, not a gate that flakes). Tests, harnesses and migrations are not the app.
    coverage: {
      provider: 'v8',
      include: ['shared/**/*.ts', 'server/**/*.ts', 'db/**/*.ts', 'client/src/**/*.{ts,vue}'],
      exclude: ['**/*.test.ts', '**/*.d.ts', 'db/migrations/**', 'client/src/testing/**', 'server/documents/make-samples.ts', 'server/documents/render-sample.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
  },
})
