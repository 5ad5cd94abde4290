import { createRateLimiter } from '../../src/domain/rate-limiter.js';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('rate limiter', () => {
  it('spaces messages evenly: 25 a second is one every 40 ms, never a burst', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 25, perChatPerSecond: 1 }, clock.now);
    const waits = Array.from({ length: 5 }, (_, i) => limiter.reserve(`chat-${i}`));
    expect(waits).toEqual([0, 40, 80, 120, 160]);
  });

  it('lets 25 different chats through in one second and the 26th a slot later', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 25, perChatPerSecond: 1 }, clock.now);
    const waits = Array.from({ length: 26 }, (_, i) => limiter.reserve(`chat-${i}`));
    // 25 messages take slots 0, 40, …, 960 ms; the 26th starts the next second at 1,000 ms.
    expect(waits[24]).toBe(960);
    expect(waits[25]).toBe(1000);
  });

  it('gives one chat at most one message a second', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 25, perChatPerSecond: 1 }, clock.now);
    expect(limiter.reserve('lan')).toBe(0);
    expect(limiter.reserve('lan')).toBe(1000);
    // Another chat is not held up behind Lan's second message.
    expect(limiter.reserve('hoa')).toBe(80);
  });

  it('does not make anyone wait once time has passed', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 25, perChatPerSecond: 1 }, clock.now);
    limiter.reserve('lan');
    clock.advance(5_000);
    expect(limiter.reserve('lan')).toBe(0);
    expect(limiter.reserve('hoa')).toBe(40);
  });

  it('holds every slot during a pause (retry_after) and says how long is left', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 25, perChatPerSecond: 1 }, clock.now);
    limiter.reserve('a');
    limiter.pause(2_000);
    expect(limiter.pausedFor()).toBe(2_000);
    expect(limiter.reserve('b')).toBe(2_000);
    expect(limiter.reserve('c')).toBe(2_040);
    clock.advance(1_500);
    expect(limiter.pausedFor()).toBe(500);
    clock.advance(600);
    expect(limiter.pausedFor()).toBe(0);
  });

  it('never shortens a pause with a shorter one', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 10, perChatPerSecond: 1 }, clock.now);
    limiter.pause(3_000);
    limiter.pause(1_000);
    expect(limiter.pausedFor()).toBe(3_000);
  });

  it('keeps pacing recent chats after sweeping the many it no longer needs to remember', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 1_000_000, perChatPerSecond: 1 }, clock.now);
    for (let i = 0; i < 25_000; i++) {
      limiter.reserve(`chat-${i}`);
      clock.advance(1);
    }
    // chat-24999 got its message 1 ms ago: its next one waits out the rest of its second.
    expect(limiter.reserve('chat-24999')).toBeCloseTo(999, 6);
    expect(limiter.reserve('chat-0')).toBeLessThan(1);
  });

  it('refuses a limit that is not positive', () => {
    expect(() => createRateLimiter({ perSecond: 0, perChatPerSecond: 1 }, Date.now)).toThrow(
      RangeError,
    );
    expect(() => createRateLimiter({ perSecond: 5, perChatPerSecond: -1 }, Date.now)).toThrow(
      RangeError,
    );
  });
});
