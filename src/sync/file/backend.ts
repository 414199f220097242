import fs from 'node:fs';
import path from 'node:path';
import type { NotePush, PullPage, RemoteOrder, RemoteProduct, ReturnPush, ShipmentPush, ShopBackend } from '../../app/ports/backend';
import { SyncFailure } from '../../app/ports/backend';
import type { FileSettings } from '../../contract/sync';
import { csvLine, csvRecords } from './csv';
import type { ShopFileFolders } from './folders';
import { formatOf, readOrders, readProducts } from './import-format';

export const EXPORT_HEADER = 'order_number,shipped_at,carrier,tracking_numbers,partial,lines,idempotency_key';

/** Decided returns go beside the shipments export, under this name. */
export const RETURNS_FILE = 'returns.csv';
export const RETURNS_HEADER =
  'return_number,order_number,decided_at,return_type,line_no,sku,quantity,condition,disposition,reason,refund_amount,refund_currency,refund_reason,note,idempotency_key';

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new SyncFailure('unreachable', `Cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * A shop that speaks files: orders and products read from CSV or JSON (rows with errors are left
 * out; `packdesk import` reports them by line), shipments appended to a CSV export and decided
 * returns to returns.csv beside it. Only files inside the folders allowed on the station: refused
 * when built (so saving such settings fails) and again at every use, in case a symlink was
 * swapped in since.
 */
export class FileBackend implements ShopBackend {
  readonly kind = 'file' as const;

  constructor(
    private readonly settings: FileSettings,
    private readonly folders: ShopFileFolders,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const file of [settings.ordersFile, settings.productsFile, settings.exportFile]) if (file) folders.resolve(file);
  }

  /** The file at its checked real path. */
  private read(file: string): string {
    return read(this.folders.resolve(file));
  }

  async testConnection() {
    for (const file of [this.settings.ordersFile, this.settings.productsFile]) if (file) this.read(file);
    return { shopName: `Files (${[this.settings.ordersFile, this.settings.productsFile].filter(Boolean).join(', ') || 'none'})` };
  }

  async pullProducts(): Promise<PullPage<RemoteProduct>> {
    const file = this.settings.productsFile;
    if (!file) return { items: [], cursor: null, more: false, total: 0 };
    const { products } = readProducts(this.read(file), formatOf(file));
    const items = products.map(({ barcodes, ...record }) => ({ ...record, barcodes: barcodes.map((b) => b.code) }));
    return { items, cursor: null, more: false, total: items.length };
  }

  async pullOrders(): Promise<PullPage<RemoteOrder>> {
    const file = this.settings.ordersFile;
    if (!file) return { items: [], cursor: null, more: false, total: 0 };
    const { orders } = readOrders(this.read(file), formatOf(file), this.now().toISOString());
    return { items: orders, cursor: null, more: false, total: orders.length };
  }

  async ordersById(externalIds: string[]): Promise<RemoteOrder[]> {
    const file = this.settings.ordersFile;
    if (!file || externalIds.length === 0) return [];
    const wanted = new Set(externalIds);
    return readOrders(this.read(file), formatOf(file), this.now().toISOString()).orders.filter((o) => wanted.has(o.externalId));
  }

  private exported(): Set<string> {
    if (!this.settings.exportFile) return new Set();
    const file = this.folders.resolve(this.settings.exportFile);
    if (!fs.existsSync(file)) return new Set();
    return new Set(csvRecords(read(file)).records.map((r) => r.record.idempotency_key ?? ''));
  }

  async hasShipment(push: ShipmentPush): Promise<boolean> {
    return this.exported().has(push.idempotencyKey);
  }

  async pushShipment(push: ShipmentPush): Promise<{ remoteRef: string }> {
    if (!this.settings.exportFile) throw new SyncFailure('refused', 'No export file is set for shipped orders.');
    const file = this.folders.resolve(this.settings.exportFile);
    const row = [
      push.orderNumber,
      this.now().toISOString(),
      push.carrierCode,
      push.trackingNumbers.join(' '),
      push.partial,
      push.lines.map((l) => `${l.sku}x${l.quantity}`).join(' '),
      push.idempotencyKey,
    ];
    try {
      if (!fs.existsSync(file)) fs.writeFileSync(file, `${EXPORT_HEADER}\n`);
      fs.appendFileSync(file, csvLine(row));
    } catch (error) {
      throw new SyncFailure('unreachable', `Cannot write ${file}: ${(error as Error).message}`, { cause: error });
    }
    return { remoteRef: file };
  }

  async pushNote(_push: NotePush): Promise<void> {}

  /** The returns export: returns.csv in the folder of the shipments export (the one folder the shop already reads). */
  private returnsFile(): string {
    if (!this.settings.exportFile) throw new SyncFailure('refused', `No export file is set; decided returns are written to ${RETURNS_FILE} beside it.`);
    if (path.basename(this.settings.exportFile) === RETURNS_FILE) {
      throw new SyncFailure('refused', `The shipments export is named ${RETURNS_FILE}, which is where returns go; give it another name.`);
    }
    return this.folders.resolve(path.join(path.dirname(this.settings.exportFile), RETURNS_FILE));
  }

  async hasReturn(push: ReturnPush): Promise<boolean> {
    const file = this.returnsFile();
    if (!fs.existsSync(file)) return false;
    return csvRecords(read(file)).records.some((r) => r.record.return_number === push.returnNumber);
  }

  /**
   * One row per returned line, all rows of a return in one append. The refund is on the first
   * row only, so a sum over the file counts it once; a return without lines still gets one row.
   */
  async pushReturn(push: ReturnPush): Promise<{ remoteRef: string }> {
    const file = this.returnsFile();
    const at = this.now().toISOString();
    const lines: (ReturnPush['lines'][number] | null)[] = push.lines.length > 0 ? push.lines : [null];
    const rows = lines.map((line, i) => {
      const refund = i === 0 ? push.refund : null;
      return csvLine([
        push.returnNumber,
        push.orderNumber,
        at,
        push.returnType,
        line ? i + 1 : null,
        line?.sku ?? null,
        line?.quantity ?? null,
        line?.condition ?? null,
        line?.disposition ?? null,
        line?.reason ?? null,
        refund ? (refund.amountMinor / 100).toFixed(2) : null,
        refund?.currency ?? null,
        refund?.reason ?? null,
        i === 0 ? push.note : null,
        push.idempotencyKey,
      ]);
    });
    try {
      if (!fs.existsSync(file)) fs.writeFileSync(file, `${RETURNS_HEADER}\n`);
      fs.appendFileSync(file, rows.join(''));
    } catch (error) {
      throw new SyncFailure('unreachable', `Cannot write ${file}: ${(error as Error).message}`, { cause: error });
    }
    return { remoteRef: file };
  }

  async fetchLabel(): Promise<null> {
    return null;
  }
}
