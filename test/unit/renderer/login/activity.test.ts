import { describe, it, expect } from 'vitest';
import { ACTIVITY_INTERVAL_MS, ActivityThrottle } from '../../../../renderer/login/activity';

describe('ActivityThrottle', () => {
  it('reports at most once per interval, counting from login', () => {
    const throttle = new ActivityThrottle(0);
    expect(throttle.take(1_000)).toBe(false);
    expect(throttle.take(ACTIVITY_INTERVAL_MS - 1)).toBe(false);
    expect(throttle.take(ACTIVITY_INTERVAL_MS)).toBe(true);
    expect(throttle.take(ACTIVITY_INTERVAL_MS + 5_000)).toBe(false);
    expect(throttle.take(2 * ACTIVITY_INTERVAL_MS + 1)).toBe(true);
  });
});
