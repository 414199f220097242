import { runCli } from './main';

// Long-running commands (serve) keep the process alive themselves; the rest end here.
runCli(process.argv.slice(2)).then((code) => {
  if (code !== 0) process.exitCode = code;
});
