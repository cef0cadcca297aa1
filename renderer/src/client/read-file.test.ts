import { describe, expect, it } from 'vitest';
import { readPickedFile } from './read-file';

const picked = (name: string, bytes: number[] | string) => {
  const blob = new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]);
  return { name, arrayBuffer: () => blob.arrayBuffer() };
};

describe('a file picked in the browser', () => {
  it('is read as UTF-8 text, its byte-order mark dropped', async () => {
    expect(await readPickedFile(picked('ok.csv', [0xef, 0xbb, 0xbf, ...Buffer.from('key,name\nana,Aña\n')]))).toEqual({ ok: true, value: 'key,name\nana,Aña\n' });
  });

  it('is refused naming line and column when it is not UTF-8 (File.text() made the byte U+FFFD)', async () => {
    const r = await readPickedFile(picked('latin1.csv', [...Buffer.from('key,name\nana,A'), 0xf1, 0x61, 0x0a]));
    expect(r).toEqual({ ok: false, error: { message: 'latin1.csv: line 2, column 6: is not UTF-8 text (byte 0xf1); save the file as UTF-8', field: 'file', issues: [{ path: 'line 2, column 6', message: 'is not UTF-8 text (byte 0xf1); save the file as UTF-8' }] } });
  });

  it('is refused as UTF-16 when it starts with a UTF-16 byte-order mark', async () => {
    const r = await readPickedFile(picked('p.json', [0xff, 0xfe, ...Buffer.from('{}', 'utf16le')]));
    expect(r.ok ? null : r.error.message).toBe('p.json: line 1, column 1: is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8');
  });
});
