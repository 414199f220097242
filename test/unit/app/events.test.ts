import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HINT_EVERY_MS, pacedDelivery } from '../../../src/app/events';
import type { StationEvent } from '../../../src/contract/events';

const queueChanged = (stationId: string): StationEvent => ({ name: 'queue.changed', payload: { stationId } });
const shiftChanged = (type: string): StationEvent => ({ name: 'shift.changed', payload: { stationId: null, from: 'ST-02', type } });
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('pacedDelivery', () => {
  it('sends nothing while the emitting call runs, then every event in order on the next turn', async () => {
    const sent: StationEvent[] = [];
    const delivery = pacedDelivery((event) => sent.push(event));
    delivery.push(queueChanged('ST-01'));
    delivery.push(queueChanged('ST-02'));
    // The scan's answer is written in this turn (a resolved promise): before any event of it.
    await Promise.resolve();
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([queueChanged('ST-01'), queueChanged('ST-02')]);
  });

  describe('hints', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
    afterEach(() => vi.useRealTimers());

    it('sends the first of a burst at once and the latest once per interval, other events unpaced', async () => {
      const sent: StationEvent[] = [];
      const delivery = pacedDelivery((event) => sent.push(event));
      for (const type of ['pack.opened', 'scan.accepted', 'scan.accepted', 'scan.rejected']) delivery.push(shiftChanged(type));
      delivery.push(queueChanged('ST-02'));
      await nextTurn();
      expect(sent).toEqual([shiftChanged('pack.opened'), queueChanged('ST-02')]);

      vi.advanceTimersByTime(HINT_EVERY_MS - 1);
      expect(sent).toHaveLength(2);
      vi.advanceTimersByTime(1);
      expect(sent).toEqual([shiftChanged('pack.opened'), queueChanged('ST-02'), shiftChanged('scan.rejected')]);

      // A quiet interval later the next hint goes out at once again.
      vi.advanceTimersByTime(HINT_EVERY_MS);
      delivery.push(shiftChanged('pack.completed'));
      await nextTurn();
      expect(sent.at(-1)).toEqual(shiftChanged('pack.completed'));
      expect(sent).toHaveLength(4);
    });

    it('sends nothing more once closed, not even a hint it was holding', async () => {
      const sent: StationEvent[] = [];
      const delivery = pacedDelivery((event) => sent.push(event));
      delivery.push(shiftChanged('pack.opened'));
      await nextTurn();
      delivery.push(shiftChanged('scan.accepted'));
      await nextTurn();
      delivery.push(queueChanged('ST-01'));
      delivery.close();
      await nextTurn();
      vi.advanceTimersByTime(HINT_EVERY_MS * 2);
      expect(sent).toEqual([shiftChanged('pack.opened')]);
    });
  });
});
