// electron-builder's afterPack hook (electron-builder.yml): flips Packdesk's fuses in the packed
// Electron binary. electron-builder signs after this hook, so the signature covers the fuses.
import electronFuses from '@electron/fuses';
import { Arch } from 'electron-builder';
import { fuseWire } from './fuses.mjs';

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Apple Silicon refuses a binary whose ad-hoc signature no longer matches, even before signing.
  const wire = fuseWire(electronFuses, { resetAdHocDarwinSignature: mac && context.arch === Arch.arm64 });
  // The packager knows where each platform keeps the binary (Linux executableName, macOS .app).
  await context.packager.addElectronFuses(context, wire);
}
