// Runs a module as if it were the main script and, when the process exits, writes its CPU time
// and peak RSS (the kernel's own accounting, process.resourceUsage) to a file: the same wrapper
// on both sides of a ratio, so its own small cost cancels out.
//   node bench/floor/proc-stats.mjs <stats.json> <module.mjs> [args…]
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const [statsFile, target, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], target, ...rest];
process.on('exit', () => {
  const u = process.resourceUsage();
  fs.writeFileSync(statsFile, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }));
});
await import(pathToFileURL(target).href);
