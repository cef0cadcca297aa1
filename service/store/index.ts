/** The local store: one SQLite file, migrations, and one repository module per entity. */
export * from './db';
export * from './ids';
export * from './programs-repo';
export * from './triggers-repo';
export * from './event-sets-repo';
export * from './runs-repo';
export * from './ledger-repo';
export * from './errors';
export * from './event-index-repo';
export * from './checkpoints-repo';
