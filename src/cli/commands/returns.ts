import type { Command } from 'commander';
import { notOursView, returnsList, returnView } from '../../app/returns/views';
import { bootStation, type BootedStation } from '../../boot/station';
import { StationFailure } from '../../contract/errors';
import type { NotOursView, ReturnSummary, ReturnView } from '../../contract/returns-schemas';
import { sentence, type SentenceKey } from '../../domain/returns/sentences';
import { dataDirFrom, parseCount } from '../options';

/**
 * `packdesk returns list [--overdue] [--json]` and `packdesk returns show NUMBER`: the returns
 * desk's list and one return, read straight from the station's database. The CLI has no login, so
 * it only reads: it journals nothing (the station's own timer journals missed deadlines).
 */
function columns(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

function due(deadline: ReturnSummary['deadline']): string {
  if (deadline.overdue) return `${deadline.lastDay} OVERDUE (${-deadline.daysLeft} d)`;
  return `${deadline.lastDay} (${deadline.daysLeft} d left)`;
}

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

function returnText(view: ReturnView): string {
  const lines = [
    `Return ${view.number}: ${view.type}, ${view.stage}`,
    `  order ${view.orderNumber} (${view.customerName}), received ${view.receivedAt} at ${view.stationId} by ${view.handler}`,
    `  ${view.deadline.kind} deadline ${due(view.deadline)}${view.deemedAccepted ? ', unanswered: counts as accepted' : ''}`,
    `  eligible: ${view.eligibility.eligible ? 'yes' : 'no'}`,
    ...view.eligibility.refusals.map((r) => `    refused: ${sentence(r.key as SentenceKey, r.params)}`),
    ...(view.eligibility.override ? [`    overridden by ${view.eligibility.override.manager}: ${view.eligibility.override.reason}`] : []),
    '  items:',
    ...view.items.map(
      (i) =>
        `    ${i.quantity} x ${i.sku ?? '?'} ${i.name ?? ''}${i.serial ? ` (serial ${i.serial})` : ''}: ${i.condition ?? 'not graded'} -> ${i.disposition ?? '-'}` +
        `${i.reasonCode ? `, ${i.reasonCode}` : ''}${i.attributedTo ? `, packing error of ${i.attributedTo.packer}` : ''}`,
    ),
  ];
  if (view.items.length === 0) lines.push('    none yet');
  if (view.decision) {
    const { refund, outcome, reason, decidedAt, decidedBy } = view.decision;
    const what = [refund ? `refund ${money(refund.amountMinor, refund.currency)}` : null, outcome, reason].filter(Boolean).join(', ');
    lines.push(`  decided ${decidedAt} by ${decidedBy}: ${what || 'no refund'}`);
  }
  if (view.closedAt) lines.push(`  closed ${view.closedAt}`);
  if (view.photos.length > 0) lines.push(`  ${view.photos.length} photo(s)`);
  return lines.join('\n');
}

function parcelText(view: NotOursView): string {
  return [
    `Parcel ${view.number} (not ours): ${view.status}, from ${view.sender.name}${view.tracking ? `, tracking ${view.tracking}` : ''}`,
    `  received ${view.receivedAt} at ${view.stationId} by ${view.handler}; held until ${due(view.hold)}`,
    ...(view.linkedOrderNumber ? [`  linked to order ${view.linkedOrderNumber}`] : []),
    ...(view.resolutionNote ? [`  ${view.resolutionNote}`] : []),
  ].join('\n');
}

async function reading<T>(data: string | undefined, read: (booted: BootedStation, zone: string) => T): Promise<T> {
  const booted = await bootStation({ dataDir: dataDirFrom(data), host: 'cli' });
  try {
    return read(booted, booted.store.stations.get(booted.stationId)?.timeZone ?? 'Europe/Warsaw');
  } finally {
    await booted.close();
  }
}

const deps = (booted: BootedStation) => ({ store: booted.store, returns: booted.returns, journal: booted.journal, clock: { now: () => new Date() } });

export function registerReturns(program: Command): void {
  const returns = program.command('returns').description('The returns desk: open returns by deadline, and one return.');
  returns
    .command('list')
    .description('List open returns by deadline and the parcels not ours that are held.')
    .option('--overdue', 'only those past their deadline')
    .option('--limit <n>', 'at most this many', '500')
    .option('--json', 'print JSON instead of a table')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .action(async (opts: { overdue?: boolean; limit: string; json?: boolean; data?: string }) => {
      const limit = parseCount(opts.limit, '--limit', 1, 100_000);
      const list = await reading(opts.data, (booted, zone) => returnsList(deps(booted), { overdue: opts.overdue ?? false, limit }, zone));
      if (opts.json) return void process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      const table = columns(
        ['NUMBER', 'TYPE', 'STAGE', 'ORDER', 'CUSTOMER', 'ITEMS', 'DEADLINE'],
        list.returns.map((r) => [r.number, r.type, r.stage, r.orderNumber, r.customerName, String(r.items), `${r.deadline.kind} ${due(r.deadline)}`]),
      );
      const parcels = columns(
        ['PARCEL', 'STATUS', 'SENDER', 'TRACKING', 'HELD UNTIL'],
        list.notOurs.map((p) => [p.number, p.status, p.senderName, p.tracking ?? '-', due(p.hold)]),
      );
      process.stdout.write(`${table}\n${list.returns.length} return(s)\n\nParcels not ours\n${parcels}\n${list.notOurs.length} parcel(s)\n`);
    });
  returns
    .command('show')
    .description('Show a return by its number, the returns of an order by the order number, or a parcel not ours.')
    .argument('<number>', 'return number (R-…), order number, or parcel number (NOP-…)')
    .option('--json', 'print JSON')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .action(async (number: string, opts: { json?: boolean; data?: string }) => {
      const found = await reading(opts.data, (booted, zone) => {
        const d = deps(booted);
        const one = booted.returns.byNumber(number);
        const order = one ? null : booted.store.orders.byNumber(number);
        const records = one ? [one] : order ? booted.returns.forOrder(order.id) : [];
        const parcel = records.length === 0 ? booted.returns.notOursByNumber(number) : null;
        return { returns: records.map((r) => returnView(d, r, null)), notOurs: parcel ? [notOursView(d, parcel, zone)] : [] };
      });
      if (found.returns.length === 0 && found.notOurs.length === 0) {
        throw new StationFailure('RETURN_NOT_FOUND', `No return, order or parcel matches "${number}" (or the order has no return).`, { number });
      }
      if (opts.json) return void process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
      process.stdout.write(`${[...found.returns.map(returnText), ...found.notOurs.map(parcelText)].join('\n\n')}\n`);
    });
}
