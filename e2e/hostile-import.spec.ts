/**
 * Issue 12 in the browser: a picked file that is not UTF-8 (a CSV saved as Latin-1, a UTF-16
 * export) is refused naming its line and column, and nothing is imported — before, File.text()
 * turned the bytes into U+FFFD and the set was stored.
 */
import { expect, test } from './fixtures';
import { WorkbenchModel } from './models/workbench';

const HEADER = 'id,type,at,receivedAt,partnerKey,customerKey,key,amount,currency,productKey,categoryKey,actionKey,value,stage,name,group,count';

test('a Latin-1 or UTF-16 event file is refused naming line and column; nothing is imported', async ({ page, api }) => {
  const wb = new WorkbenchModel(page);
  const [summary] = await api.call('programs.list', {});
  const programId = summary!.id;
  const before = await api.call('eventSets.list', { programId });
  await wb.open('Replay workbench');

  const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nc1,customer.created,2026-02-01T09:00:00Z,,ana,,cust1,,,,,,,,Jos`), Buffer.from([0xe9]), Buffer.from(',,\n')]);
  await wb.fileInput.setInputFiles({ name: 'latin1.csv', mimeType: 'text/csv', buffer: latin1 });
  const errors = page.getByRole('alert', { name: 'Import errors' });
  await expect(errors).toContainText('latin1.csv');
  await expect(errors).toContainText('line 2, column 64');
  await expect(errors).toContainText('is not UTF-8 text (byte 0xe9)');
  await wb.shot('workbench-import-not-utf8');

  await wb.fileInput.setInputFiles({ name: 'utf16.events.json', mimeType: 'application/json', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format":"offerflow.events/1","events":[]}', 'utf16le')]) });
  await expect(errors).toContainText('utf16.events.json');
  await expect(errors).toContainText('is UTF-16 text');
  expect(await api.call('eventSets.list', { programId })).toHaveLength(before.length);
});
