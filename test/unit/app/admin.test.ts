import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/contract/errors';
import { createStationFixture, typedCall, type StationFixture } from '../../support/station-fixture';
import { pdfBarcodes, zplBarcodes } from '../documents/tools';
import { listen } from '../printing/listener';

let f: StationFixture;
let call: ReturnType<typeof typedCall>;
beforeEach(async () => {
  f = createStationFixture();
  call = typedCall(f.station);
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
});
afterEach(() => f.close());

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
const lastEntry = () => f.journal.range(f.journal.lastSeq(), 1)[0]!;
const managerId = () => f.store.users.byBadge('PD-M-0001')!.id;

describe('people', () => {
  it('adds a packer whose new badge logs in at once, journaled with who added them', async () => {
    const added = await ok(call('admin.user.add', { name: 'Ewa Nowa', role: 'packer', language: 'pl', pin: '2468' }));
    expect(added.badge).toMatch(/^PD-P-[2-9A-Z]{8}$/);
    expect(added.printJobId).toBeNull();
    expect(lastEntry()).toMatchObject({ type: 'user.added', actorId: managerId(), payload: { name: 'Ewa Nowa', role: 'packer' } });
    expect(JSON.stringify(f.journal.range(1, 1000))).not.toContain(added.badge);
    const login = await ok(call('scan.submit', { data: added.badge, symbology: null, source: 'wedge' }, { stationId: 'ST-02' }));
    expect(login).toMatchObject({ kind: 'login', login: { user: { name: 'Ewa Nowa', language: 'pl' } } });
    expect(await call('admin.user.add', { name: 'Adam Drugi', role: 'packer', language: null, pin: '2468', badge: added.badge.toLowerCase() })).toMatchObject({
      ok: false,
      error: { code: 'BADGE_IN_USE' },
    });
  });

  it('changes a role and language, resets a PIN, reissues a badge and switches an account off, each journaled', async () => {
    const { user, badge } = await ok(call('admin.user.add', { name: 'Ewa Nowa', role: 'packer', language: null, pin: '2468' }));
    expect(await ok(call('admin.user.update', { userId: user.id, role: 'returns', language: 'en' }))).toMatchObject({ role: 'returns', language: 'en' });
    expect(lastEntry()).toMatchObject({ type: 'user.changed', payload: { role: 'returns', language: 'en', userName: 'Ewa Nowa' } });
    await ok(call('admin.user.pin', { userId: user.id, pin: '97531' }));
    expect(lastEntry()).toMatchObject({ type: 'user.pin_reset' });
    expect(JSON.stringify(lastEntry())).not.toContain('97531');
    expect(await ok(call('auth.pin', { userId: user.id, pin: '97531' }, { stationId: 'ST-02' }))).toMatchObject({ user: { name: 'Ewa Nowa' } });
    await ok(call('printers.profile.set', { documentKind: 'label', printerKind: 'raw_tcp', target: '127.0.0.1:9', format: 'zpl', raw: true }));
    const reissued = await ok(call('admin.user.badge', { userId: user.id, to: 'label' }));
    expect(reissued.badge).not.toBe(badge);
    expect(f.store.users.byBadge(badge)).toBeNull();
    expect(f.store.users.byBadge(reissued.badge)?.id).toBe(user.id);
    await ok(call('admin.user.update', { userId: user.id, active: false }));
    expect(f.store.logins.allLive().some((l) => l.userId === user.id)).toBe(false);
    expect(await call('scan.submit', { data: reissued.badge, symbology: null, source: 'wedge' }, { stationId: 'ST-02' })).toMatchObject({
      ok: false,
      error: { code: 'USER_INACTIVE' },
    });
    expect((await ok(call('admin.users', {}))).find((u) => u.id === user.id)).toMatchObject({ active: false });
  });

  it('leaves administrators to administrators, and never switches off its own account', async () => {
    expect(await call('admin.user.add', { name: 'Nowy Admin', role: 'admin', language: null, pin: '2468' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('admin.user.update', { userId: managerId(), active: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

/** Every file under the fixture's data folder, with its bytes. */
function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((file) => ({ file, bytes: fs.readFileSync(file) }));
}

describe('badge cards', () => {
  it('print through the print queue on a real printer, scan as the badge, and leave no copy behind to print again', async () => {
    for (const [to, documentKind, format] of [
      ['label', 'label', 'zpl'],
      ['label', 'label', 'pdf'],
      ['a4', 'packing_slip', 'pdf'],
    ] as const) {
      const printer = await listen();
      try {
        await ok(call('printers.profile.set', { documentKind, printerKind: 'raw_tcp', target: `127.0.0.1:${printer.port}`, format, raw: true }));
        const added = await ok(call('admin.user.add', { name: `Ewa ${to} ${format}`, role: 'packer', language: 'pl', pin: '2468', card: to }));
        expect(f.store.users.byBadge(added.badge)?.name).toBe(`Ewa ${to} ${format}`);
        const job = f.documents.printQueue.byId(added.printJobId!)!;
        expect(job).toMatchObject({ documentKind: 'badge_card', format, target: `127.0.0.1:${printer.port}` });
        expect(lastEntry()).toMatchObject({ type: 'user.badge_printed', actorId: managerId(), payload: { format, printJobId: job.id, badgeChanged: false } });
        await f.station.documents.drain();
        expect(f.documents.printQueue.byId(job.id)).toMatchObject({ status: 'done' });
        // What reached the printer scans as the badge that logs the person in.
        const printed = await printer.received;
        const codes =
          format === 'zpl'
            ? await zplBarcodes(printed, { widthMm: 85.6, heightMm: 54 }, 203)
            : (pdfBarcodes(printed)[0] ?? []).map((c) => c.replace(/\s+$/, ''));
        expect(codes).toEqual([`CODE-128:${added.badge}`]);
        // Nothing left to print it again from: no file in the data folder holds it, the database has no hash of it, the queue cannot resend it.
        const card = Buffer.from(printed);
        expect(filesUnder(f.dir).filter(({ bytes }) => bytes.includes(card) || bytes.includes(Buffer.from(added.badge)))).toEqual([]);
        expect(fs.existsSync(path.join(f.dir, 'documents'))).toBe(false);
        const record = f.documents.archive.byId(job.documentId)!;
        expect(record.kind).toBe('badge_card');
        expect(record.sha256).not.toBe(createHash('sha256').update(card).digest('hex'));
        expect(() => f.documents.archive.read(job.documentId)).toThrow(/not kept once printed/);
        expect(JSON.stringify(f.journal.range(1, 10_000))).not.toContain(added.badge);
        const again = f.documents.printQueue.reprint(job.id, f.clock.now().toISOString());
        await f.station.documents.drain();
        expect(f.documents.printQueue.byId(again.id)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/not kept once printed/) });
      } finally {
        await printer.close();
      }
    }
  });

  it("refuse a PDF folder, which would keep the card on disk, and change nobody's badge", async () => {
    f.close();
    f = createStationFixture({ pdfFolder: true });
    call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    const { user, badge } = await ok(call('admin.user.add', { name: 'Ewa Nowa', role: 'packer', language: null, pin: '2468' }));
    await ok(call('printers.profile.set', { documentKind: 'label', printerKind: 'pdf_folder', target: 'ST-01', format: 'pdf', raw: false }));
    expect(await call('admin.user.badge', { userId: user.id, to: 'label' })).toMatchObject({ ok: false, error: { code: 'BADGE_PRINTER_NEEDED' } });
    expect(await call('admin.user.badge', { userId: user.id, to: 'a4' })).toMatchObject({ ok: false, error: { code: 'BADGE_PRINTER_NEEDED' } });
    expect(await call('admin.user.add', { name: 'Adam Nowy', role: 'packer', language: null, pin: '2468', card: 'label' })).toMatchObject({
      ok: false,
      error: { code: 'BADGE_PRINTER_NEEDED' },
    });
    expect(f.store.users.byBadge(badge)?.id).toBe(user.id);
    expect(f.store.users.list().map((u) => u.name)).not.toContain('Adam Nowy');
    expect(f.documents.printQueue.list('ST-01')).toEqual([]);
  });

  it('forget a cancelled card at once: it never prints', async () => {
    await ok(call('printers.profile.set', { documentKind: 'label', printerKind: 'raw_tcp', target: '127.0.0.1:9', format: 'zpl', raw: true }));
    const added = await ok(call('admin.user.add', { name: 'Ewa Nowa', role: 'packer', language: null, pin: '2468', card: 'label' }));
    const job = f.documents.printQueue.byId(added.printJobId!)!;
    expect(Buffer.from(f.documents.archive.read(job.documentId)).toString()).toContain(added.badge);
    await ok(call('print.cancel', { jobId: job.id }));
    expect(() => f.documents.archive.read(job.documentId)).toThrow(/not kept once printed/);
  });
});

describe('box types and stations', () => {
  it('adds, changes and withdraws box types; a withdrawn one is not offered; its label is a PDF', async () => {
    const boxes = await ok(call('admin.box.save', { code: 'K9', name: 'Long box', tareGrams: 410, lengthMm: 800, widthMm: 200, heightMm: 150, active: true }));
    expect(boxes.map((b) => b.code)).toEqual(['K1', 'K9']);
    expect(lastEntry()).toMatchObject({ type: 'box.saved', actorId: managerId(), payload: { code: 'K9', tareGrams: 410 } });
    expect((await ok(call('pack.boxes', {}))).map((b) => b.code)).toContain('K9');
    await ok(call('admin.box.save', { code: 'K9', name: 'Long box', tareGrams: 420, lengthMm: 800, widthMm: 200, heightMm: 150, active: false }));
    expect((await ok(call('pack.boxes', {}))).map((b) => b.code)).toEqual(['K1']);
    expect((await ok(call('admin.boxes', {}))).find((b) => b.code === 'K9')).toMatchObject({ tareGrams: 420, active: false });
    const label = await ok(call('admin.box.label', { code: 'K1' }));
    expect(Buffer.from(label.card!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfBarcodes(Buffer.from(label.card!, 'base64'))).toEqual([['CODE-128:K1']]);
  });

  it("prints a box label on the station's label printer through the print queue, in the printer's language, and the label scans as the box", async () => {
    expect(await call('admin.box.label', { code: 'K1', to: 'printer' })).toMatchObject({ ok: false, error: { code: 'PRINTER_NOT_SET_UP' } });
    for (const format of ['zpl', 'pdf'] as const) {
      await ok(call('printers.profile.set', { documentKind: 'label', printerKind: 'raw_tcp', target: '127.0.0.1:9', format, raw: true }));
      const sent = await ok(call('admin.box.label', { code: 'K1', to: 'printer' }));
      expect(sent.card).toBeNull();
      const job = f.documents.printQueue.list('ST-01', ['queued', 'printing', 'failed']).find((j) => j.id === sent.printJobId)!;
      expect(job).toMatchObject({ documentKind: 'box_label', format, target: '127.0.0.1:9' });
      const bytes = f.documents.archive.read(job.documentId);
      const codes = format === 'zpl' ? await zplBarcodes(bytes, { widthMm: 100, heightMm: 60 }, 203) : pdfBarcodes(bytes)[0];
      expect(codes).toEqual(['CODE-128:K1']);
      expect(lastEntry()).toMatchObject({ type: 'box.label_printed', actorId: managerId(), payload: { code: 'K1', format, printJobId: job.id } });
    }
  });

  it('renames a station and sets its language, journaled', async () => {
    const stations = await ok(call('admin.station.save', { stationId: 'ST-02', name: 'Stół zwrotów', language: 'en' }));
    expect(stations.find((s) => s.id === 'ST-02')).toMatchObject({ name: 'Stół zwrotów', language: 'en' });
    expect(lastEntry()).toMatchObject({
      type: 'settings.station',
      stationId: 'ST-01',
      subject: { kind: 'station', id: 'ST-02' },
      payload: { name: 'Stół zwrotów' },
    });
    expect(await call('admin.station.save', { stationId: 'ST-99', name: 'x' })).toMatchObject({ ok: false, error: { code: 'STATION_NOT_FOUND' } });
  });
});
