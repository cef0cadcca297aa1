// The least any JavaScript replay of a file can cost: read it and JSON.parse it (a JSON Lines
// file line by line), in the same Node.
import fs from 'node:fs';

const file = process.argv[2];
const text = fs.readFileSync(file, 'utf8');
let n = 0;
if (/\.(jsonl|ndjson)$/i.test(file)) {
  for (const line of text.split('\n')) if (line.trim() !== '') n += JSON.parse(line) ? 1 : 0;
} else n = JSON.parse(text).events.length;
if (n === 0) process.exitCode = 1;
