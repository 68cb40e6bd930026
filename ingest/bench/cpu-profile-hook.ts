import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';

// Preloaded into the benchmark's ingest worker (`--import`) when `--profile` is
// given: the benchmark asks over the IPC channel to start the V8 sampling
// profiler before a phase and to stop it after, and gets the profile's path.
// Nothing of this runs in a worker started any other way.
type Request = { profile: 'start' } | { profile: 'stop'; file: string };

const session = new Session();
session.connect();

process.on('message', (request: Request) => {
  void (async () => {
    if (request.profile === 'start') {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      process.send?.({ profiling: true });
    } else {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(request.file, JSON.stringify(profile));
      process.send?.({ profiled: request.file });
    }
  })();
});
// The IPC channel must not keep the worker alive on its own.
process.channel?.unref();
