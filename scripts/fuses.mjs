// The Electron fuses Packdesk ships with. Fuses are bits in the Electron binary, flipped when
// packaging (scripts/after-pack.mjs) before the binary is signed, so no command-line flag,
// environment variable or file dropped beside the app can turn them back on.

/** Every fuse @electron/fuses names, by its FuseV1Options name; the unit test keeps it complete. */
export const PACKDESK_FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed station binary into a general-purpose Node.
  RunAsNode: false,
  // Cookies on disk encrypted with the OS key store, as Chrome does. One-way: never turn it back off.
  EnableCookieEncryption: true,
  // NODE_OPTIONS and NODE_EXTRA_CA_CERTS could preload code or trust an intercepting proxy.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 would attach a debugger to the main process, which holds the database.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash electron-builder embeds (macOS, Windows; Linux has none)…
  EnableEmbeddedAsarIntegrityValidation: true,
  // …and only app.asar is loaded, so an app/ folder put beside it cannot replace our code.
  OnlyLoadAppFromAsar: true,
  // Electron's default: we ship no separate snapshot for the browser process.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // No page of ours is a file:// page: the renderer is served from app://.
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * The config flipFuses takes: each fuse above at its index in the given @electron/fuses module.
 * Not strictlyRequireAllFuses: newer Electron binaries carry fuses @electron/fuses 1.x has no name
 * for (WasmTrapHandlers); those keep Electron's default instead of failing the package.
 *
 * @param {{ FuseVersion: { V1: string }, FuseV1Options: Record<string, string | number> }} electronFuses
 * @param {{ resetAdHocDarwinSignature?: boolean }} [options]
 * @returns {{ version: string, resetAdHocDarwinSignature: boolean } & Record<number, boolean>}
 */
export function fuseWire(electronFuses, options = {}) {
  /** @type {{ version: string, resetAdHocDarwinSignature: boolean } & Record<number, boolean>} */
  const wire = { version: electronFuses.FuseVersion.V1, resetAdHocDarwinSignature: options.resetAdHocDarwinSignature ?? false };
  for (const [name, enabled] of Object.entries(PACKDESK_FUSES)) {
    const index = electronFuses.FuseV1Options[name];
    // A renamed or removed fuse must stop the package, not be skipped silently.
    if (typeof index !== 'number') throw new Error(`@electron/fuses has no fuse called ${name}`);
    wire[index] = enabled;
  }
  return wire;
}
