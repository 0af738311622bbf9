import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { PROJECT_ROOT } from '../../../server/src/paths.js';

/** What RESULTS.md needs to make numbers comparable: the machine, Node, and which code was measured. */
export function machineInfo(): string[] {
  const cpus = os.cpus();
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  const dirty = git('status', '--porcelain') !== '';
  return [
    `os: ${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    `cpus: ${cpus.length} × ${cpus[0]?.model ?? '?'}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `node: ${process.version}`,
    // Other work on the machine shows up in every number; the bench cannot stop it, so it says how much there was.
    `load average at start (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
    `code: ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes in the work tree' : ''}`,
  ];
}
