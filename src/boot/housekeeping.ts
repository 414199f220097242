import type { Logger } from '../app/ports';
import type { QuietTime } from './quiet';

function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : null;
  return typeof code === 'string' ? code : 'INTERNAL';
}

/**
 * Runs a housekeeping job every `ms` without keeping the process alive for it. A failing job (a
 * full disk refuses its write) is logged when it starts failing and when it works again, and
 * tried at the next tick; nothing it throws reaches the event loop, where it would end the process.
 * With `quiet`, a tick that finds the packer scanning waits for a quiet moment (boot/quiet.ts).
 * Returns stop.
 */
export function repeat(what: string, ms: number, job: () => void, logger: Logger, quiet?: QuietTime): () => void {
  let failing = false;
  let waiting = false;
  let cancel = () => {};
  const run = () => {
    waiting = false;
    try {
      job();
      if (failing) logger.info(`${what} works again`);
      failing = false;
    } catch (error) {
      if (!failing) logger.error(`${what} failed; it is tried again every ${ms / 1000} s`, { code: codeOf(error), error: String(error) });
      failing = true;
    }
  };
  const handle = setInterval(() => {
    if (!quiet) return run();
    // A tick that is still waiting for its quiet moment is not queued twice.
    if (waiting) return;
    waiting = true;
    cancel = quiet.whenQuiet(run);
  }, ms);
  handle.unref();
  return () => {
    clearInterval(handle);
    cancel();
  };
}
