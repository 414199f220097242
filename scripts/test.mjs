// `npm test`: typecheck, lint, build, unit and interop tests (Vitest), end-to-end (Playwright),
// then one closing line "N passed, N failed" over everything that ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-test-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(title, command, args, env = {}) {
  console.log(`\n=== ${title}`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} (${Math.round((performance.now() - started) / 1000)} s)`);
  return result.status === 0;
}

const vitestJson = path.join(reports, 'vitest.json');
const playwrightJson = path.join(reports, 'playwright.json');
const gates = [
  step('typecheck', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.core.json']) &&
    step('typecheck renderer', bin('tsc'), ['-p', 'tsconfig.renderer.json']) &&
    step('typecheck electron shell', bin('tsc'), ['-p', 'tsconfig.main.json']) &&
    step('typecheck tests', bin('tsc'), ['-p', 'tsconfig.test.json']),
  step('lint', bin('eslint'), ['--max-warnings', '0', '.']),
  step('format (run npm run format to fix)', bin('prettier'), ['--check', '--log-level', 'warn', '.']),
  step('build', process.execPath, [path.join(root, 'scripts/build.mjs')]),
];
const unit = step('unit and interop tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const e2e = gates[3] && step('end-to-end (Chromium)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });

function counts(file, read) {
  try {
    return read(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}
const v = counts(vitestJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) }));
const p = counts(playwrightJson, (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
  flaky: r.stats.flaky,
}));
if (p.flaky) console.log(`\nWARNING: ${p.flaky} end-to-end test(s) failed once and passed on retry (flaky); see the list above.`);
const gateFailures = gates.filter((ok) => !ok).length;
const failed = v.failed + p.failed + gateFailures + (unit || v.failed ? 0 : 1) + (e2e || p.failed ? 0 : 1);
console.log(`\nunit ${v.passed} passed, end-to-end ${p.passed} passed; gates failed: ${gateFailures}`);
console.log(`${v.passed + p.passed} passed, ${failed} failed, ${v.skipped + p.skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
