import type { BootedStation } from '../../boot/station';
import { percentile, round, type Figure } from './stats';

/** The packer's home screen: a queue page, and a search by customer or SKU, through the dispatcher. */
export async function benchQueue(booted: BootedStation, badge: string, calls = 200): Promise<Figure[]> {
  const { station } = booted;
  const login = await station.dispatch('auth.badge', { badge });
  if (!login.ok) throw new Error(`bench login failed: ${login.error.message}`);
  const time = async (input: object): Promise<number[]> => {
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      const result = await station.dispatch('queue.list', input);
      samples.push(performance.now() - started);
      if (!result.ok) throw new Error(result.error.message);
    }
    return samples;
  };
  const page = await time({ limit: 50 });
  const search = await time({ search: 'kowal', limit: 50 });
  return [
    { name: 'queue.list, first page of 50: p50', value: round(percentile(page, 50), 2), unit: 'ms' },
    { name: 'queue.list, first page of 50: p99', value: round(percentile(page, 99), 2), unit: 'ms' },
    { name: 'queue.list, search "kowal": p50', value: round(percentile(search, 50), 2), unit: 'ms' },
    { name: 'queue.list, search "kowal": p99', value: round(percentile(search, 99), 2), unit: 'ms' },
  ];
}
