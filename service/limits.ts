/**
 * Input size limits shared by the contract and the transports. An imported file arrives as one
 * string; past this size it is refused with a message before anything parses it, so a runaway
 * file cannot exhaust the heap. The CLI refuses the same size (engine/cli MAX_INPUT_BYTES) and
 * the HTTP host's body limit is the same figure.
 */
export const MAX_IMPORT_CHARS = 256 * 1024 * 1024;

export const TOO_LARGE_MESSAGE = 'is larger than 256 MB: split the file into smaller ones (e.g. one per month) and import each';
