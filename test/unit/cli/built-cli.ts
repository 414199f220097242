import { bundleForChild, type ChildBundle } from '../../support/child-bundle';

/**
 * The `packdesk` command bundled from src/ into a temporary folder, for tests that run it as a
 * process of its own (to kill it part-way).
 */
export function buildCli(): Promise<ChildBundle> {
  return bundleForChild('src/cli/index.ts', 'packdesk.mjs');
}
