/**
 * From a file's bytes to its text, and where JSON text goes wrong. Every file Offerflow reads
 * (program, event set, partners CSV; CLI and app alike) is UTF-8: bytes that are not are refused
 * naming their line and column, never turned into U+FFFD, and a UTF-16 file is named as such.
 */
import { InputError } from './issues';

/** Line and column (1-based; the column counts UTF-16 code units, as editors do) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte → continuation count and the allowed range of the first continuation byte
    // (which excludes overlong forms, UTF-16 surrogates and code points past U+10FFFF).
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file's bytes as UTF-8 (a leading byte-order mark is dropped). Throws an
 * `InputError` naming the line and column of the first invalid byte, or saying the file is
 * UTF-16 (a byte-order mark FF FE / FE FF).
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new InputError(file, [{ path: 'line 1, column 1', message: 'is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8' }]);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const at = invalidUtf8Offset(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, Math.max(0, at - 1)) + 1;
    const before = UTF8.decode(bytes.subarray(0, lineStart));
    const line = before.split('\n').length;
    const column = UTF8.decode(bytes.subarray(lineStart, at)).length + 1;
    const byte = (bytes[at] ?? 0).toString(16).padStart(2, '0');
    throw new InputError(file, [{ path: `line ${line}, column ${column}`, message: `is not UTF-8 text (byte 0x${byte}); save the file as UTF-8` }]);
  }
}

/** Whether `s` holds no lone UTF-16 surrogate (which cannot be stored or written as UTF-8). */
export function isWellFormed(s: string): boolean {
  return (s as string & { isWellFormed(): boolean }).isWellFormed();
}

/**
 * What is wrong at `at`, the first bad character of JSON text (`jsonSyntaxErrorAt`), in words a
 * person can act on: the usual non-JSON habits (NaN, comments, single quotes, trailing commas,
 * a UTF-16 file read as UTF-8) are named.
 */
export function jsonErrorMessage(text: string, at: number): string {
  if (text.trim() === '') return 'the file is empty';
  if (at >= text.length) return 'the file ends too early (an unclosed bracket, brace or string)';
  const c = text[at] as string;
  const word = /^-?(NaN|Infinity)/.exec(text.slice(at, at + 9))?.[0];
  if (word) return `${word} is not a JSON value (write a number or null)`;
  if (c === '/') return 'comments are not allowed in JSON';
  if (c === "'") return 'strings need double quotes in JSON';
  if (c === '\ufeff') return 'unexpected byte-order mark (U+FEFF)';
  if (c === '\ufffd') return 'unexpected U+FFFD: the file is probably not UTF-8 (UTF-16?); save it as UTF-8';
  if (c === '\u0000') return 'unexpected NUL character: the file is probably UTF-16; save it as UTF-8';
  if ((c === ']' || c === '}') && /,\s*$/.test(text.slice(Math.max(0, at - 50), at))) return `trailing comma before "${c}"`;
  const code = c.charCodeAt(0);
  return `unexpected ${code < 0x20 ? `control character U+${code.toString(16).padStart(4, '0')}` : JSON.stringify(c)}`;
}
