import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A private CUPS scheduler for tests: its own config, spool and port in a temp folder, so the
 * machine's CUPS is never touched. Needs the Debian packages cups and printer-driver-cups-pdf.
 */
export const CUPSD = '/usr/sbin/cupsd';
export const CUPS_PDF_PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';

export function cupsMissing(): string | null {
  if (!fs.existsSync(CUPSD)) return 'cupsd is not installed (Debian package: cups)';
  if (!fs.existsSync(CUPS_PDF_PPD)) return 'cups-pdf is not installed (Debian package: printer-driver-cups-pdf)';
  if (process.getuid?.() !== 0) return 'the cups-pdf backend runs only under a root cupsd';
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface TestCups {
  server: string;
  lpadmin(args: string[]): void;
  stop(): Promise<void>;
}

export async function startCups(): Promise<TestCups> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-cups-'));
  for (const sub of ['etc', 'spool', 'state', 'cache', 'tmp', 'log']) fs.mkdirSync(path.join(dir, sub));
  // Filters and backends run as the lp user: they must reach the spool and temp folders.
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, 'tmp'), 0o1777);
  const port = await freePort();
  const server = `127.0.0.1:${port}`;
  fs.writeFileSync(
    path.join(dir, 'etc', 'cups-files.conf'),
    [
      'ServerRoot',
      'RequestRoot spool',
      'StateDir state',
      'CacheDir cache',
      'TempDir tmp',
      'ErrorLog log/error_log',
      'AccessLog log/access_log',
      'PageLog log/page_log',
    ]
      .map((line) => (line === 'ServerRoot' ? `ServerRoot ${dir}/etc` : line.replace(/ (\S+)$/, ` ${dir}/$1`)))
      .join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'etc', 'cupsd.conf'),
    `Listen ${server}\nLogLevel warn\nWebInterface No\nBrowsing No\nDefaultAuthType None\n<Location />\n Order allow,deny\n Allow all\n</Location>\n<Policy default>\n <Limit All>\n  Order deny,allow\n </Limit>\n</Policy>\n`,
  );
  const child: ChildProcess = spawn(CUPSD, ['-f', '-c', path.join(dir, 'etc', 'cupsd.conf'), '-s', path.join(dir, 'etc', 'cups-files.conf')], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    try {
      execFileSync('lpstat', ['-h', server, '-r'], { stdio: 'ignore' });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    server,
    // A cupsd that already answers lpstat can still refuse admin requests for a moment after
    // start (seen on a loaded machine): try again briefly before calling it a failure.
    lpadmin: (args) => {
      for (let attempt = 1; ; attempt++) {
        try {
          execFileSync('lpadmin', ['-h', server, ...args], { stdio: 'pipe' });
          return;
        } catch (error) {
          if (attempt >= 30) throw error;
          execFileSync('sleep', ['0.2']);
        }
      }
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Where cups-pdf writes: "Out" in /etc/cups/cups-pdf.conf, ${HOME} being the job owner's home. */
export function cupsPdfOutDir(): string {
  const conf = fs.readFileSync('/etc/cups/cups-pdf.conf', 'utf8');
  const out = /^Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '/var/spool/cups-pdf/${USER}';
  return out.replace('${HOME}', os.homedir()).replace('${USER}', os.userInfo().username);
}
