/**
 * A station process for the SIGKILL test: replicates its journal to central through the boot's
 * own startReplication while it keeps packing (a scan every few milliseconds), until killed.
 * argv: folder with packdesk.sqlite, its key folder, central's URL, the station's id at central.
 */
import path from 'node:path';
import { startReplication } from '../../../src/boot/replication';
import { createJournal } from '../../../src/journal/journal';
import { readStationKey } from '../../../src/journal/key-file';
import { openDatabase } from '../../../src/storage/db';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';

const [dir, dataDir, url, stationId] = process.argv.slice(2) as [string, string, string, string];
const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
const rows = createJournalRows(db);
const key = readStationKey(dataDir);
if (!key) throw new Error(`no journal key in ${dataDir}`);
const journal = createJournal(rows, { now: () => new Date() }, key, { checkpointEvery: 25 });
const quiet = { info: () => undefined, warn: () => undefined, error: (msg: string, f?: unknown) => process.stderr.write(`${msg} ${JSON.stringify(f)}\n`) };
startReplication({ url, stationId, batchSize: 7 }, { dataDir, stationId, journalRows: rows, stationKey: key, logger: quiet });
let n = 0;
setInterval(() => {
  n++;
  journal.append({
    type: 'pack.scan',
    stationId: 'ST-01',
    actorId: 7,
    subject: { kind: 'order', id: `SO-${n % 9}` },
    payload: { code: `scan ${process.pid}-${n}` },
  });
}, 3);
process.stdout.write('replicating\n');
