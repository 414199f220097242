import type { CommonPorts } from '../context';
import type { StatisticsPorts } from '../ports/statistics';

/** What statistics use: users and stations (names), the journal (fits), time, and the statistics ports. */
export interface StatisticsDeps extends Pick<CommonPorts, 'store' | 'journal' | 'clock' | 'logger'> {
  statistics: StatisticsPorts;
}
