import { describe, it, expect } from 'vitest';
import type { NewOrder } from '../../../../src/app/ports/store';
import { demoCatalog, demoShop } from '../../../../src/app/demo/catalog';
import { demoOrders } from '../../../../src/app/demo/orders';

const now = new Date('2026-03-02T08:00:00.000Z');
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const catalog = demoCatalog();
const bySku = new Map(catalog.products.map((p) => [p.sku, p]));
const kitSkus = new Set(catalog.kits.map((k) => k.kitSku));
const caseUnits = demoShop().caseUnits;
const CARRIERS = new Set(['inpost', 'dpd', 'dhl', 'ups', 'pocztex']);

const small = demoOrders(50, { now });
const week = demoOrders(5000, { now });

function lines(orders: NewOrder[]) {
  return orders.flatMap((o) => o.lines);
}

describe('demo orders', () => {
  it('are the same for the same seed and moment, and differ for another seed', () => {
    expect(demoOrders(50, { now })).toEqual(small);
    expect(demoOrders(50, { now, seed: 7 })).toEqual(demoOrders(50, { now, seed: 7 }));
    expect(demoOrders(50, { now, seed: 7 })).not.toEqual(small);
    expect(demoOrders(0, { now })).toEqual([]);
  });

  it('are numbered PD-100001 upwards, unique, created over the past week in order', () => {
    expect(small.map((o) => o.number)).toEqual(small.map((_, i) => `PD-${100_001 + i}`));
    expect(new Set(week.map((o) => o.number)).size).toBe(week.length);
    expect(new Set(week.map((o) => o.externalId)).size).toBe(week.length);
    let previous = now.getTime() - WEEK_MS;
    for (const o of week) {
      const at = Date.parse(o.createdAt);
      expect(at).toBeGreaterThanOrEqual(previous);
      expect(at).toBeLessThanOrEqual(now.getTime());
      previous = at;
    }
  });

  it('show every state even in a 50-order demo, in believable shares at scale', () => {
    expect(new Set(small.map((o) => o.status))).toEqual(new Set(['ready', 'cancelled', 'on_hold', 'shipped']));
    for (let seed = 1; seed <= 10; seed++) {
      expect(new Set(demoOrders(12, { now, seed }).map((o) => o.status)).size, `seed ${seed}`).toBe(4);
    }
    const share = (status: string) => week.filter((o) => o.status === status).length / week.length;
    expect(share('cancelled')).toBeGreaterThan(0.03);
    expect(share('cancelled')).toBeLessThan(0.07);
    expect(share('on_hold')).toBeGreaterThan(0.015);
    expect(share('on_hold')).toBeLessThan(0.045);
    expect(share('shipped')).toBeGreaterThan(0.07);
    expect(share('shipped')).toBeLessThan(0.13);
    expect(share('ready')).toBeGreaterThan(0.75);
  });

  it('name only catalogue SKUs, each once per order, in whole positive quantities', () => {
    const wrong: string[] = [];
    for (const o of week) {
      if (o.lines.length === 0) wrong.push(`${o.number} has no lines`);
      if (new Set(o.lines.map((l) => l.sku)).size !== o.lines.length) wrong.push(`${o.number} repeats a SKU`);
      for (const l of o.lines) {
        const product = bySku.get(l.sku);
        if (!product) wrong.push(`${o.number} names unknown ${l.sku}`);
        if (!Number.isInteger(l.quantity) || l.quantity < 1) wrong.push(`${o.number} ${l.sku} × ${l.quantity}`);
        if (product?.tracking === 'serial' && l.quantity > 2) wrong.push(`${o.number} wants ${l.quantity} serials of ${l.sku}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('mostly have one to four lines, some eight to fifteen, and a few wholesale lists of forty or more', () => {
    const counts = week.map((o) => o.lines.length);
    expect(counts.filter((n) => n <= 4).length / counts.length).toBeGreaterThan(0.8);
    expect(counts.filter((n) => n >= 8 && n <= 15).length).toBeGreaterThan(100);
    const wholesale = week.filter((o) => o.lines.length >= 40);
    expect(wholesale.length).toBeGreaterThanOrEqual(3);
    for (const o of wholesale) {
      expect(o.shipTo.company).not.toBeNull();
      expect(o.carrierCode).not.toBe('inpost');
    }
  });

  it('hold, within 50 orders, kits, serials, lots, whole cases, bulk and a wholesale list', () => {
    const all = lines(small);
    const kitLines = all.filter((l) => bySku.get(l.sku)!.isKit);
    expect(kitLines.length).toBeGreaterThan(0);
    for (const l of kitLines) expect(kitSkus.has(l.sku)).toBe(true);
    expect(all.some((l) => bySku.get(l.sku)!.tracking === 'serial')).toBe(true);
    expect(all.some((l) => bySku.get(l.sku)!.tracking === 'lot' && bySku.get(l.sku)!.refuseExpired)).toBe(true);
    expect(all.some((l) => caseUnits.get(l.sku) === 12 && l.quantity === 12)).toBe(true);
    expect(all.some((l) => caseUnits.get(l.sku) === 6 && l.quantity === 6)).toBe(true);
    expect(all.some((l) => l.quantity >= 50)).toBe(true);
    expect(all.some((l) => !bySku.get(l.sku)!.returnable)).toBe(true);
    expect(all.some((l) => bySku.get(l.sku)!.barcodes.some((b) => b.code === l.sku))).toBe(true);
    expect(small.some((o) => o.lines.length >= 40)).toBe(true);
    expect(small.some((o) => o.lines.length >= 8 && o.lines.length <= 15)).toBe(true);
  });

  it('ship to Poland, Germany and Czechia, with their diacritics and one over-long address', () => {
    expect(new Set(small.map((o) => o.shipTo.country))).toEqual(new Set(['PL', 'DE', 'CZ']));
    const text = week.map((o) => `${o.customerName} ${o.shipTo.name} ${o.shipTo.street} ${o.shipTo.city}`).join(' ');
    for (const letter of 'ąćęłńóśźżäöüßčřšž') expect(text.includes(letter), letter).toBe(true);
    const long = small.filter((o) => o.shipTo.street.length > 120);
    expect(long).toHaveLength(1);
    for (const o of week) {
      const { postcode, country } = o.shipTo;
      if (country === 'PL') expect(postcode).toMatch(/^\d{2}-\d{3}$/);
      if (country === 'DE') expect(postcode).toMatch(/^\d{5}$/);
      if (country === 'CZ') expect(postcode).toMatch(/^\d{3} \d{2}$/);
      if (o.shipTo.email !== null) expect(o.shipTo.email).toMatch(/^[a-z0-9.-]+@example\.(com|net|org)$/);
    }
  });

  it('go by the five carriers, each order with a service', () => {
    expect(new Set(week.map((o) => o.carrierCode))).toEqual(CARRIERS);
    for (const o of week) expect(o.service).toBeTruthy();
    expect(week.filter((o) => o.shipTo.country !== 'PL').every((o) => o.carrierCode !== 'inpost' && o.carrierCode !== 'pocztex')).toBe(true);
  });

  it('generates 100,000 orders', () => {
    const started = performance.now();
    const orders = demoOrders(100_000, { now });
    const ms = performance.now() - started;
    console.log(`demoOrders(100000): ${ms.toFixed(0)} ms, ${lines(orders).length} lines`);
    expect(orders).toHaveLength(100_000);
    expect(orders[99_999]!.number).toBe('PD-200000');
  });
});
