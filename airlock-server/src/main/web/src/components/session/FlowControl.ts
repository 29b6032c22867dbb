/** Pause the equipment once this much output is written to the terminal but not yet processed by it. */
export const HIGH_WATERMARK = 1024 * 1024;
/** Resume once the terminal has caught up to below this much. */
export const LOW_WATERMARK = 256 * 1024;

export type FlowSignal = 'pause' | 'resume';

/**
 * Back-pressure between the gateway and xterm.js. Output arrives faster than the terminal parses and
 * renders it (a `cat` of a large file); without a brake the tab either buffers without bound or xterm
 * drops data. Every chunk handed to `term.write` is counted until xterm's write callback says it was
 * processed; above the high watermark the gateway is told to stop reading from the equipment, below the
 * low watermark to start again. The gap between the two keeps the signals from flapping.
 */
export class FlowControl {
  private pending = 0;
  private paused = false;
  private pauseCount = 0;

  private readonly signal: (signal: FlowSignal) => void;
  private readonly high: number;
  private readonly low: number;

  constructor(signal: (signal: FlowSignal) => void, high = HIGH_WATERMARK, low = LOW_WATERMARK) {
    if (!(low >= 0 && low < high)) throw new RangeError(`low watermark ${low} must be below high ${high}`);
    this.signal = signal;
    this.high = high;
    this.low = low;
  }

  /** Counts `bytes` as written; returns the callback to give xterm's `write`, run once they are processed. */
  written(bytes: number): () => void {
    this.pending += bytes;
    if (!this.paused && this.pending > this.high) {
      this.paused = true;
      this.pauseCount += 1;
      this.signal('pause');
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.processed(bytes);
    };
  }

  /** Bytes written but not yet processed by the terminal. */
  get backlog(): number {
    return this.pending;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** How often the gateway was asked to pause, since the start. */
  get pauses(): number {
    return this.pauseCount;
  }

  private processed(bytes: number) {
    this.pending = Math.max(0, this.pending - bytes);
    if (this.paused && this.pending < this.low) {
      this.paused = false;
      this.signal('resume');
    }
  }
}
