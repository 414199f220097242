/**
 * How the shell reports what it refused or could not do. Fields carry URLs, method names and
 * reasons only: never call input, which can hold a PIN or a badge code.
 */
export type ShellLog = (message: string, fields?: Record<string, unknown>) => void;

/** One JSON line per entry on stderr, so it lands next to the core's structured logs. */
export const stderrShellLog: ShellLog = (message, fields = {}) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), source: 'electron-shell', message, ...fields })}\n`);
};
