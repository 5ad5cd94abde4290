import { createTokenBucket } from '../../bots/zalo/zalo-limiter.js';

describe('Zalo token bucket', () => {
  it('lets a burst through at once, then paces the rest at the configured rate', async () => {
    const bucket = createTokenBucket({ ratePerSecond: 20, burst: 2 });
    const started = Date.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () => bucket.take().then(() => times.push(Date.now() - started))),
    );
    // Two at once, then one every 50 ms: the sixth after about 200 ms.
    expect(times[1]!).toBeLessThan(40);
    expect(times[5]!).toBeGreaterThanOrEqual(190);
    expect(times[5]!).toBeLessThan(600);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('refills while idle, up to the burst', async () => {
    let clock = 0;
    const bucket = createTokenBucket({ ratePerSecond: 1, burst: 3, now: () => clock });
    await bucket.take();
    await bucket.take();
    await bucket.take();
    clock += 10_000;
    const started = Date.now();
    await Promise.all([bucket.take(), bucket.take(), bucket.take()]);
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('refuses a rate that is not above zero', () => {
    expect(() => createTokenBucket({ ratePerSecond: 0 })).toThrow(RangeError);
  });
});
