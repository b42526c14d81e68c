/** Time is injected so tests and the simulator can move it; core never calls Date.now() directly. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(ms: number): void {
    this.current = ms;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Simulated time for `--simulate`: starts at the real now and runs `speed` times faster. */
export class AcceleratedClock implements Clock {
  private readonly realOrigin = Date.now();
  constructor(
    readonly speed: number,
    private readonly origin: number = Date.now(),
  ) {}
  now(): number {
    return Math.round(this.origin + (Date.now() - this.realOrigin) * this.speed);
  }
}
