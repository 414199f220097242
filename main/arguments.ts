/** `--data DIR` or `--data=DIR` from the command line; the last one wins, as in most CLIs. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        found = next;
        i += 1;
      }
    } else if (arg?.startsWith('--data=')) {
      const value = arg.slice('--data='.length);
      if (value !== '') found = value;
    }
  }
  return found;
}
