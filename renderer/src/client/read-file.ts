/**
 * A file the person picked in the browser, as text. Decoded as strict UTF-8 like every reader
 * of the CLI and the desktop app: bytes that are not UTF-8 are refused naming the line and
 * column of the first one (and a UTF-16 file is named as such), never turned into U+FFFD.
 */
import { InputError } from '@engine/formats/issues';
import { decodeUtf8 } from '@engine/formats/text';
import type { Result } from '@service/contract';

export async function readPickedFile(file: Pick<File, 'name' | 'arrayBuffer'>): Promise<Result<string>> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, error: { message: `${file.name} cannot be read: ${e instanceof Error ? e.message : String(e)}`, field: 'file' } };
  }
  try {
    return { ok: true, value: decodeUtf8(bytes, file.name) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ok: false, error: { message: e.message, field: 'file', issues: e.issues } };
  }
}
