/**
 * Input size limits shared by the contract and the transports. An imported file arrives as one
 * string; past this size it is refused with a message before anything parses it, so a runaway
 * file cannot exhaust the heap. The CLI refuses the same size (cli/files.ts MAX_INPUT_BYTES) and
 * the HTTP host's body limit is the same figure.
 */
export const MAX_IMPORT_CHARS = 256 * 1024 * 1024;

export const TOO_LARGE_MESSAGE = 'is larger than 256 MB: split the file into smaller ones (e.g. one per month) and import each';

/** A file name as systems allow it (255 bytes on most file systems). */
export const MAX_FILE_NAME_CHARS = 255;
/** Ids and keys (program, run, event set, partner, trigger, reward): generated ones are ~20. */
export const MAX_ID_CHARS = 200;
/** Instants, time zones, amounts and currencies. */
export const MAX_SHORT_CHARS = 100;
/** Rewards one review call decides (a ledger page holds at most 5,000). */
export const MAX_REVIEW_IDS = 10_000;
