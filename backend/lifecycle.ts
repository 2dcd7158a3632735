/**
 * A copy's life as its load balancer sees it: ready while it serves, then,
 * once told to stop (SIGTERM), not ready (so /readyz sends traffic
 * elsewhere) while the requests it already took finish, within a bound.
 */
export class Lifecycle {
  private inFlight = 0;
  private stopping = false;
  private waiters: (() => void)[] = [];

  get draining(): boolean {
    return this.stopping;
  }

  get active(): number {
    return this.inFlight;
  }

  /**
   * One request taken; call what it returns once its answer has left (the
   * HTTP server's response `close`, not the handler's return: the body may
   * still be on its way, and cutting the socket then loses it).
   */
  enter(): () => void {
    this.inFlight++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.inFlight--;
      if (this.inFlight === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** Stops being ready; resolves true once nothing is in flight, or false when `boundMs` passed first. */
  async drain(boundMs: number): Promise<boolean> {
    this.stopping = true;
    if (this.inFlight === 0) return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), boundMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
