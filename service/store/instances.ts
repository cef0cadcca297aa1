/**
 * Which processes have a data folder open right now (the desktop app, one or more hosts). At
 * start-up a service marks runs left "running" as interrupted; that is only right when no other
 * live process could be running them. Each open service leaves `.instances/<pid>` in the folder;
 * files of processes that are gone (a crash, a SIGKILL) are cleared by the next start.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Instance {
  /** Other live processes with this folder open. */
  others: number;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Registers this process for `dataDir` and counts the other live ones. */
export function claimInstance(dataDir: string, pid: number = process.pid): Instance {
  const dir = path.join(dataDir, '.instances');
  fs.mkdirSync(dir, { recursive: true });
  let others = 0;
  for (const name of fs.readdirSync(dir)) {
    const other = Number(name);
    if (!Number.isInteger(other) || other === pid) continue;
    if (alive(other)) others++;
    else fs.rmSync(path.join(dir, name), { force: true });
  }
  const mine = path.join(dir, String(pid));
  fs.writeFileSync(mine, new Date().toISOString());
  return { others, release: () => fs.rmSync(mine, { force: true }) };
}
