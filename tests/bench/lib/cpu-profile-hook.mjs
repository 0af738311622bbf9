// Loaded into the server process with NODE_OPTIONS=--import (Node refuses --cpu-prof there): profiles the
// whole process and writes a .cpuprofile when it exits.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
const name = process.env.BENCH_PROFILE_NAME ?? 'server';
// Only the server itself: processes it starts (the migration engine) inherit NODE_OPTIONS and would overwrite its file.
const isServer = process.argv.some((arg) => arg.endsWith(path.join('server', 'src', 'main.ts')));
if (dir && isServer) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  // 200 µs: fine enough to see short handlers, coarse enough not to slow the server noticeably.
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  // SIGUSR2 starts the profile again, so it covers only the measured phase, not start-up and data generation.
  process.on('SIGUSR2', () => {
    session.post('Profiler.stop', () => session.post('Profiler.start'));
  });
  // On exit, not on SIGTERM: the server takes the stop signals over (main.ts removes other listeners). The
  // in-process session answers synchronously, so the file is written before the process ends.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
