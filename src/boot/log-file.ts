import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export const LOG_FILE = 'packdesk.log';

export interface LogFileOptions {
  /** The logs folder (made beforehand). */
  dir: string;
  /** How often a file that could not be written is tried again. */
  retryMs?: number;
  /** Lines kept while the file cannot be written; beyond this the oldest are dropped and counted. */
  heldLines?: number;
  /** Free space the disk must have again before the file is tried (fewer attempts leave fewer fragments). */
  minFreeBytes?: number;
  /** Told once per outage, when it begins (the station's stderr). */
  onOutage?: (message: string) => void;
}

type Entry = { line: string; notice: boolean };

/**
 * The log file as pino's destination. A log must never end the station: when the file cannot be
 * written (a full disk), its stream fails and is replaced; meanwhile lines are held (the newest
 * few hundred) and the rest dropped and counted. The file is tried again every few seconds, and
 * the first line written when it works again says what was lost and since when. Lines that
 * arrive after close are dropped: the log is gone and the host is stopping.
 */
export class LogFile {
  private stream: RotatingFileStream | null = null;
  private state: 'writing' | 'failing' | 'closed' = 'writing';
  /** Written to the current stream, not yet confirmed: taken back if the stream fails. */
  private unconfirmed: Entry[] = [];
  private held: string[] = [];
  private outage: { since: string; cause: string; dropped: number } | null = null;
  private retry: NodeJS.Timeout | null = null;
  private readonly retryMs: number;
  private readonly heldLines: number;
  private readonly minFreeBytes: number;

  constructor(private readonly options: LogFileOptions) {
    this.retryMs = options.retryMs ?? 2_000;
    this.heldLines = options.heldLines ?? 500;
    this.minFreeBytes = options.minFreeBytes ?? 256 * 1024;
    this.stream = this.open();
  }

  /** pino's destination interface. Never throws and never emits: failures are handled here. */
  write(line: string): boolean {
    if (this.state === 'writing') this.send({ line, notice: false });
    else if (this.state === 'failing') this.hold(line);
    return true;
  }

  /** Lines still held (the file has been failing) are dropped; the host is stopping. */
  close(): Promise<void> {
    const stream = this.stream;
    this.state = 'closed';
    this.stream = null;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    if (!stream) return Promise.resolve();
    // finished() settles on finish, error or close alike, so a failing last write cannot hang close.
    return new Promise((resolve) => {
      finished(stream, () => resolve());
      stream.end();
    });
  }

  private open(): RotatingFileStream {
    const stream = createStream(LOG_FILE, { path: this.options.dir, mode: 0o600, size: '10M', interval: '1d', maxFiles: 10 });
    // Kept for the stream's whole life: a stream given up on may still report its closing.
    stream.on('error', (error) => this.fail(stream, error));
    return stream;
  }

  private send(entry: Entry): void {
    const stream = this.stream;
    if (!stream) return;
    this.unconfirmed.push(entry);
    stream.write(entry.line, (error) => {
      if (stream !== this.stream) return;
      if (error) {
        this.fail(stream, error);
        return;
      }
      // A Writable confirms its writes in order.
      this.unconfirmed.shift();
      if (entry.notice) this.outage = null;
    });
  }

  private hold(line: string): void {
    this.held.push(line);
    if (this.held.length > this.heldLines) {
      this.held.shift();
      if (this.outage) this.outage.dropped++;
    }
  }

  private fail(stream: RotatingFileStream, error: Error): void {
    if (stream !== this.stream || this.state !== 'writing') return;
    this.stream = null;
    this.state = 'failing';
    const cause = (error as NodeJS.ErrnoException).code ?? error.message;
    if (!this.outage) {
      this.outage = { since: new Date().toISOString(), cause, dropped: 0 };
      this.options.onOutage?.(`packdesk: the log file in ${this.options.dir} cannot be written (${cause}); log lines are held until it can.\n`);
    }
    const retaken = this.unconfirmed.filter((e) => !e.notice).map((e) => e.line);
    this.unconfirmed = [];
    const pending = this.held;
    this.held = [];
    for (const line of [...retaken, ...pending]) this.hold(line);
    stream.destroy();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retry || this.state !== 'failing') return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.tryAgain();
    }, this.retryMs);
    // Waiting for disk space must not keep a CLI command alive.
    this.retry.unref();
  }

  private tryAgain(): void {
    if (this.state !== 'failing') return;
    if (!this.hasRoom()) {
      this.scheduleRetry();
      return;
    }
    // The write that failed may have left half a line: cut it off, so the file stays JSON lines.
    if (this.cutHalfLine() && this.outage) this.outage.dropped++;
    this.state = 'writing';
    this.stream = this.open();
    const lines = this.held;
    this.held = [];
    if (this.outage) this.send({ line: this.notice(this.outage, lines.length), notice: true });
    for (const line of lines) this.send({ line, notice: false });
  }

  private hasRoom(): boolean {
    try {
      const space = fs.statfsSync(this.options.dir);
      return space.bavail * space.bsize >= this.minFreeBytes;
    } catch {
      // No answer about space (another kind of failure): just try.
      return true;
    }
  }

  /** One pino-shaped warning. */
  private notice(outage: { since: string; cause: string; dropped: number }, held: number): string {
    const line = JSON.stringify({
      level: 40,
      time: Date.now(),
      pid: process.pid,
      msg: `log lines could not be written from ${outage.since} (${outage.cause}): ${outage.dropped} were dropped, the last ${held} follow`,
      since: outage.since,
      cause: outage.cause,
      dropped: outage.dropped,
      held,
    });
    return `${line}\n`;
  }

  /** Truncates the file after its last whole line; true when there was half a line to cut. */
  private cutHalfLine(): boolean {
    const file = path.join(this.options.dir, LOG_FILE);
    try {
      const size = fs.statSync(file).size;
      // A line is far shorter than this; a longer tail is read in pieces from the end.
      const tail = Buffer.alloc(Math.min(size, 64 * 1024));
      const fd = fs.openSync(file, 'r+');
      try {
        for (let end = size; end > 0; end -= tail.length) {
          const start = Math.max(0, end - tail.length);
          fs.readSync(fd, tail, 0, end - start, start);
          const newline = tail.subarray(0, end - start).lastIndexOf(0x0a);
          if (newline >= 0 || start === 0) {
            const keep = newline >= 0 ? start + newline + 1 : 0;
            if (keep === size) return false;
            fs.ftruncateSync(fd, keep);
            return true;
          }
        }
        return false;
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // No file (rotated away) or it cannot be read: nothing to cut.
      return false;
    }
  }
}
