/**
 * The layers of docs/architecture.md, enforced (`npm run lint:deps`, part of `npm test`):
 *
 *   renderer ──(types, pure helpers)──▶ engine ◀── service ◀── electron, service/host
 *   cli ──▶ engine (its tests may also reach service, to check the app reads files as the CLI does)
 *   renderer ──(types only)──▶ service/contract.ts
 *
 * The engine is pure: it imports only itself and its three libraries. Breaking a rule (say,
 * `import Database from 'better-sqlite3'` in engine/) fails the check with the rule's name.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment: 'engine/ imports only engine/ and zod, temporal-polyfill, csv-parse (the CLI adapter lives in cli/).',
      severity: 'error',
      // Tests and their helpers (test-*.ts, *.fixture.ts) may read fixture files with node:fs.
      from: { path: '^engine/', pathNot: ['\\.test\\.ts$', '/test-[^/]*\\.ts$', '\\.fixture\\.ts$'] },
      to: {
        pathNot: ['^engine/', '^node_modules/(zod|temporal-polyfill|csv-parse)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'engine-imports-no-app-layer',
      comment: 'Not even types (tests included): the engine knows nothing of the CLI, the store, the shell or the UI.',
      severity: 'error',
      from: { path: '^engine/' },
      to: { path: '^(service|electron|renderer|cli)/' },
    },
    {
      name: 'cli-is-an-engine-adapter',
      comment: 'cli/ reads files and calls the engine; it never needs the store, the shell or the UI (its tests may reach service/).',
      severity: 'error',
      from: { path: '^cli/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(service|electron|renderer)/' },
    },
    {
      name: 'service-below-shells',
      comment: 'service/ may import engine/, node and better-sqlite3, never the desktop shell or the UI.',
      severity: 'error',
      from: { path: '^service/' },
      to: { path: ['^(electron|renderer)/', '^node_modules/(electron|react|react-dom|@mui|@xyflow|zustand)/'] },
    },
    {
      name: 'renderer-sees-contract-and-engine-only',
      comment: 'The renderer reaches the service only through the contract types and the client.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^service/', '^electron/', '^cli/'], pathNot: ['^service/contract\\.ts$', '^service/bridge\\.ts$'] },
    },
    {
      name: 'renderer-has-no-node',
      comment: 'The renderer runs sandboxed in a browser: no node built-ins, no native modules.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-has-no-native',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^node_modules/(better-sqlite3|electron)/' },
    },
    {
      name: 'tests-helpers-stay-in-tests',
      comment: 'Test helpers (test-*.ts, test-helpers.ts, *.fixture.ts) may use node:fs and fixtures; shipped code never imports them.',
      severity: 'error',
      from: { pathNot: ['\\.test\\.tsx?$', '/test-[^/]*\\.ts$', '\\.fixture\\.ts$', '^e2e/', '^bench/', '-support\\.ts$'] },
      to: { path: ['/test-[^/]*\\.ts$', '\\.fixture\\.ts$'] },
    },
    {
      name: 'resolvable',
      comment: 'An import the checker cannot resolve (a typo, an alias missing from tsconfig.json paths) would slip past every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular-engine',
      severity: 'error',
      from: { path: '^engine/' },
      comment: 'A cycle of value imports in the engine (type-only cycles are harmless).',
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|release|test-results|playwright-report)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
