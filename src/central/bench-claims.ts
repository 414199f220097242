import crypto from 'node:crypto';
import { createHttpCentralLink } from '../central-link/http-link';
import { publicKeyText } from '../platform/request-signature';
import { startCentral } from './central';

export interface ClaimBenchReport {
  rounds: number;
  /** Each claim request as a station sees it: signing, HTTP, signature check, nonce, the claim statement. */
  claimMs: { p50: number; p99: number; max: number };
  claimsPerSecond: number;
  /** Rounds where other than exactly one of the two stations won. */
  doubleOrNoWinner: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Two stations race for the same order `rounds` times through a real central on `databaseUrl`
 * (a scratch database: it registers two bench stations and leaves their claims behind).
 */
export async function benchClaims(databaseUrl: string, rounds: number): Promise<ClaimBenchReport> {
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const central = await startCentral({ databaseUrl, host: '127.0.0.1', port: 0, logger: silent });
  try {
    const run = crypto.randomBytes(3).toString('hex');
    const links = await Promise.all(
      ['A', 'B'].map(async (s) => {
        const id = `BENCH-${run}-${s}`;
        const { privateKey } = crypto.generateKeyPairSync('ed25519');
        await central.store.stations.register({ id, name: id, publicKey: publicKeyText(privateKey) }, new Date());
        return createHttpCentralLink({ url: central.url, stationId: id, privateKey });
      }),
    );
    const times: number[] = [];
    let doubleOrNoWinner = 0;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) {
      const order = `BENCH-${run}-${i}`;
      const outcomes = await Promise.all(
        links.map(async (link) => {
          const t = performance.now();
          const r = await link.claim(order);
          times.push(performance.now() - t);
          return r.reached && r.value.won;
        }),
      );
      if (outcomes.filter(Boolean).length !== 1) doubleOrNoWinner++;
    }
    const elapsed = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    const round = (n: number): number => Math.round(n * 100) / 100;
    return {
      rounds,
      claimMs: { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), max: round(times.at(-1) ?? 0) },
      claimsPerSecond: Math.round(times.length / elapsed),
      doubleOrNoWinner,
    };
  } finally {
    await central.close();
  }
}
