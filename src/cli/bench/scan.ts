import type { BootedStation } from '../../boot/station';
import type { ScanSubmitResult } from '../../contract/packing';
import { percentile, round, type Figure } from './stats';

const BATCH = 5000;

/** Fills the journal to `target` entries with scan-sized entries, as months of packing would. */
function fillJournal(booted: BootedStation, target: number): void {
  let have = booted.journal.lastSeq();
  while (have < target) {
    const batch = Math.min(BATCH, target - have);
    booted.store.transaction(() => {
      for (let i = 0; i < batch; i++) {
        const n = have + i;
        booted.journal.append({
          type: 'pack.scan',
          stationId: 'ST-02',
          actorId: 2,
          subject: { kind: 'order', id: `PD-${100001 + (n % 90_000)}` },
          payload: {
            sessionId: Math.floor(n / 12),
            raw: `059012341${String(n % 100_000).padStart(5, '0')}`,
            symbology: null,
            source: 'wedge',
            verdict: 'accepted',
            lineId: n % 7,
            sku: 'KB-1042',
            units: 1,
          },
        });
      }
    });
    have += batch;
  }
}

/**
 * Scan → verdict through the dispatcher, including the durable commit of the session state and
 * its journal entry, on a database of many orders and a long journal: packing real orders line by
 * line, the way a packer does, with errors acknowledged (not timed) along the way.
 */
export async function benchScan(booted: BootedStation, options: { journalEntries: number; scans: number; badge: string }): Promise<Figure[]> {
  const started = performance.now();
  fillJournal(booted, options.journalEntries);
  const fillMs = performance.now() - started;
  // A running station folds the WAL in between scans every few seconds; start from that state.
  booted.checkpointWal();
  const { station, store } = booted;
  const submit = async (data: string) => {
    const result = await station.dispatch('scan.submit', { data, symbology: null, source: 'wedge' });
    if (!result.ok) throw new Error(`bench scan failed: ${result.error.code} ${result.error.message}`);
    return result.value as ScanSubmitResult;
  };
  await submit(options.badge);
  const samples: number[] = [];
  const ready = store.orders.queue({ stationId: booted.stationId, search: '', limit: 2000, offset: 0 }).orders;
  for (const summary of ready) {
    if (samples.length >= options.scans) break;
    const opened = await submit(summary.number);
    if (opened.kind !== 'opened') continue;
    const order = store.orders.byNumber(summary.number)!;
    for (const line of order.lines) {
      const code = store.catalog.barcodesOf(line.productId).find((b) => b.unitsPerScan === 1)?.code ?? line.sku;
      for (let unit = 0; unit < Math.min(line.quantity, 5); unit++) {
        const t = performance.now();
        const scanned = await submit(code);
        samples.push(performance.now() - t);
        if (scanned.kind === 'scanned' && scanned.view.pending) await station.dispatch('pack.acknowledge', {});
      }
    }
    await station.dispatch('pack.close', {});
  }
  return [
    { name: `fill the journal to ${options.journalEntries.toLocaleString('en')} entries`, value: Math.round(fillMs), unit: 'ms' },
    { name: `scan → verdict incl. durable commit (${samples.length} scans): p50`, value: round(percentile(samples, 50), 3), unit: 'ms' },
    { name: 'scan → verdict incl. durable commit: p99', value: round(percentile(samples, 99), 3), unit: 'ms', note: 'goal ≤ 2 ms' },
  ];
}
