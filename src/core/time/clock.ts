/** The only way anything in Recital learns the time. Inject a fixed clock in tests. */
export interface Clock {
  now(): Date;
}

export function fixedClock(start: Date): Clock & { advance(ms: number): void; set(to: Date): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(to) {
      current = to.getTime();
    },
  };
}
