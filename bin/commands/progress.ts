/**
 * A one-line progress indicator on stderr, shown only on a TTY and only for
 * inputs large enough to take a noticeable time.
 */
const MIN_STACKS_FOR_PROGRESS = 50;

export interface Progress {
  update(phase: string, done: number, total: number): void;
  done(): void;
}

export function progressReporter(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  let shown = false;
  let last = 0;
  return {
    update(phase, done, total) {
      if (!enabled || stream.isTTY !== true || total < MIN_STACKS_FOR_PROGRESS) return;
      const now = Date.now();
      if (done !== total && now - last < 50) return;
      last = now;
      shown = true;
      stream.write(`\r${phase} ${done}/${total} stacks (${Math.floor((done / total) * 100)}%)\u001b[K`);
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
