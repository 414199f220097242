import { expect } from 'vitest';
import type { Result } from '../../../../src/contract/errors';
import type { LabelSettingsView } from '../../../../src/contract/printing';
import { CODES, typedCall, type StationFixture } from '../../../support/station-fixture';

export const LABEL_SETTINGS: LabelSettingsView = {
  shopName: 'Sklep Zażółć',
  shipFrom: { name: 'Magazyn Łódź', company: null, street: 'ul. Magazynowa 7', city: 'Łódź', postcode: '90-001', country: 'PL', phone: null, email: null },
  gs1CompanyPrefix: '5901234',
  ssccExtensionDigit: 3,
  returnPolicy: 'Zwroty w 30 dni.',
  nextSsccSerial: 41,
};

export async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A manager sets up label settings and the printers, then logs out. */
export async function setUpPrinting(f: StationFixture, profiles: { kind: 'label' | 'packing_slip'; target: string; format: 'pdf' | 'zpl' }[], settings = true) {
  const call = typedCall(f.station);
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  if (settings) await ok(call('labels.settings.set', LABEL_SETTINGS));
  for (const p of profiles)
    await ok(call('printers.profile.set', { documentKind: p.kind, printerKind: 'raw_tcp', target: p.target, format: p.format, raw: true }));
  await ok(call('auth.logout', {}));
}

/** A packer packs PD-100001 (two mugs, box K1, weighed 830 g) and completes it. */
export async function packMugs(f: StationFixture, station = f.station, order = 'PD-100001') {
  const call = typedCall(station);
  const scan = (data: string) => ok(call('scan.submit', { data, symbology: null, source: 'wedge' }));
  await scan('PD-P-0001');
  await scan(order);
  await scan(CODES.mug);
  await scan(CODES.mug);
  await scan('K1');
  f.scale.start();
  f.scale.setWeight(830);
  await ok(call('pack.weigh', { parcel: 1 }));
  const done = await ok(call('pack.complete', {}));
  expect(done.orderNumber).toBe(order);
  return done;
}
