import fs from 'node:fs';
import path from 'node:path';
import electronFuses, { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';
import afterPack from '../../../scripts/after-pack.mjs';
import { fuseWire, PACKDESK_FUSES } from '../../../scripts/fuses.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const knownFuses = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));

describe('the fuses Packdesk is packaged with', () => {
  it('turns off every way to run the binary as something else than the station', () => {
    expect(PACKDESK_FUSES.RunAsNode).toBe(false);
    expect(PACKDESK_FUSES.EnableNodeOptionsEnvironmentVariable).toBe(false);
    expect(PACKDESK_FUSES.EnableNodeCliInspectArguments).toBe(false);
    expect(PACKDESK_FUSES.GrantFileProtocolExtraPrivileges).toBe(false);
  });

  it('loads only an integrity-checked app.asar and encrypts cookies', () => {
    expect(PACKDESK_FUSES.EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(PACKDESK_FUSES.OnlyLoadAppFromAsar).toBe(true);
    expect(PACKDESK_FUSES.EnableCookieEncryption).toBe(true);
  });

  it('decides every fuse @electron/fuses knows, so an upgrade that adds one fails here', () => {
    expect(Object.keys(PACKDESK_FUSES).sort()).toEqual([...knownFuses].sort());
    expect(Object.isFrozen(PACKDESK_FUSES)).toBe(true);
  });
});

describe('fuseWire', () => {
  it('sets each fuse at its index in the V1 wire', () => {
    const wire = fuseWire(electronFuses);
    expect(wire.version).toBe(FuseVersion.V1);
    expect(wire[FuseV1Options.RunAsNode]).toBe(false);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    for (const name of knownFuses)
      expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(PACKDESK_FUSES[name as keyof typeof PACKDESK_FUSES]);
    expect(wire).not.toHaveProperty('strictlyRequireAllFuses');
    expect(wire.resetAdHocDarwinSignature).toBe(false);
  });

  it('refuses a fuse the installed @electron/fuses does not name', () => {
    const { RunAsNode: _gone, ...renamed } = { ...FuseV1Options };
    expect(() => fuseWire({ FuseVersion, FuseV1Options: renamed })).toThrow(/no fuse called RunAsNode/);
  });
});

describe('the afterPack hook', () => {
  const context = (electronPlatformName: string, arch: number) => ({
    electronPlatformName,
    arch,
    packager: { addElectronFuses: vi.fn(async (_context: unknown, _wire: unknown) => 1) },
  });

  it('flips the wire through the packager, before electron-builder signs', async () => {
    const linux = context('linux', 1);
    await afterPack(linux as never);
    expect(linux.packager.addElectronFuses).toHaveBeenCalledWith(linux, fuseWire(electronFuses));
  });

  it('resets the ad-hoc signature only for Apple Silicon', async () => {
    const armMac = context('darwin', 3);
    await afterPack(armMac as never);
    expect(armMac.packager.addElectronFuses.mock.calls[0]?.[1]).toMatchObject({ resetAdHocDarwinSignature: true });
    const intelMac = context('darwin', 1);
    await afterPack(intelMac as never);
    expect(intelMac.packager.addElectronFuses.mock.calls[0]?.[1]).toMatchObject({ resetAdHocDarwinSignature: false });
  });

  it('is the one place electron-builder.yml flips fuses', () => {
    const config = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^afterPack: \.\/scripts\/after-pack\.mjs$/m);
    expect(config).not.toMatch(/^electronFuses:/m);
  });
});
