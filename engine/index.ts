/**
 * Offerflow's engine: pure TypeScript, no Electron, DOM or database. Replay is a function from
 * (program, events, options) to a report; everything else (store, UI, CLI) stands on it.
 */
export * from './catalogue';
export * from './money';
export * from './time';
export * from './order';
export * from './validate';
export * from './visibility';
export * from './drip';
export * from './formats/issues';
export * from './formats/program-schema';
export * from './formats/events-schema';
export * from './formats/events-csv';
export * from './formats/report';
export * from './formats/read';
export * from './replay/options';
export { replay, replayToLedger } from './replay/replay';
export { RewardLedger } from './replay/ledger';
