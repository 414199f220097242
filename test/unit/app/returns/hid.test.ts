import { describe, expect, it } from 'vitest';
import { consoleClient } from '../../../../src/app/context';
import { FakeScanner } from '../../../../src/devices/fake/fake-scanner';
import { DESK, ok, shippedAndAtTheDesk } from './fixture';

/** The core runs as the returns desk ST-03, with a HID POS scanner of its own; Rita is logged in there. */
async function deskWithAScanner() {
  const scanner = new FakeScanner();
  const desk = await shippedAndAtTheDesk({ ownStation: 'ST-03', scanner });
  return { ...desk, scanner };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a HID scanner at the returns desk', () => {
  it('hands the scan to the desk’s screen, as a wedge scan, instead of trying to pack', async () => {
    const { fx, scanner } = await deskWithAScanner();
    const before = { events: fx.events.length, seq: fx.journal.lastSeq() };
    scanner.emit('RET-PD-200001', ']C0');
    await settle();
    const events = fx.events.slice(before.events);
    expect(events.filter((e) => e.name === 'scan.handled')).toEqual([]);
    const read = events.filter((e) => e.name === 'scan.read');
    expect(read.map((e) => e.payload)).toEqual([{ stationId: 'ST-03', loginId: expect.any(Number), data: 'RET-PD-200001', symbology: ']C0' }]);
    expect(fx.journal.range(before.seq + 1, 10).map((e) => e.type)).toEqual([]);
  });

  it('still logs someone in with a badge when nobody is logged in at the desk', async () => {
    const { fx, call, scanner } = await deskWithAScanner();
    await ok(call('auth.logout', {}, DESK));
    // The desk's own screen (Electron's window) is where a badge scanned with nobody logged in logs in.
    fx.station.logins.setScreen('ST-03', consoleClient('ST-03'));
    const before = fx.events.length;
    scanner.emit('PD-R-0001');
    await settle();
    await settle();
    const handled = fx.events.slice(before).filter((e) => e.name === 'scan.handled' || e.name === 'scan.read');
    expect(handled.map((e) => e.name)).toEqual(['scan.handled']);
  });
});
