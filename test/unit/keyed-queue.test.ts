import { KeyedQueue } from '../../src/conversation/keyed-queue.js';

/** A promise with its resolve handle, to finish a task exactly when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedQueue', () => {
  it('runs tasks of one key one at a time, in arrival order', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const first = gate();

    const a = queue.run('chat-1', async () => {
      log.push('a start');
      await first.opened;
      log.push('a end');
    });
    const b = queue.run('chat-1', async () => {
      log.push('b');
    });

    await tick();
    expect(log).toEqual(['a start']);
    first.open();
    await Promise.all([a, b]);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('runs tasks of different keys in parallel', async () => {
    const queue = new KeyedQueue();
    const blocker = gate();
    const log: string[] = [];

    const slow = queue.run('chat-1', async () => {
      await blocker.opened;
      log.push('chat-1');
    });
    await queue.run('chat-2', async () => {
      log.push('chat-2');
    });

    expect(log).toEqual(['chat-2']);
    blocker.open();
    await slow;
    expect(log).toEqual(['chat-2', 'chat-1']);
  });

  it('passes each task its own result', async () => {
    const queue = new KeyedQueue();
    const results = await Promise.all([1, 2, 3].map((n) => queue.run('k', async () => n * 10)));
    expect(results).toEqual([10, 20, 30]);
  });

  it('does not let a failing task block or fail the next one', async () => {
    const queue = new KeyedQueue();
    const failing = queue.run('chat-1', async () => {
      throw new Error('boom');
    });
    const next = queue.run('chat-1', async () => 'ran');

    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('keeps order across many tasks of one key started at once', async () => {
    const queue = new KeyedQueue();
    const log: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        queue.run('chat-1', async () => {
          await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
          log.push(i);
        }),
      ),
    );
    expect(log).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
