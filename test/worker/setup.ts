import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// Setup files run before each test file; applying is idempotent (applied ones are recorded).
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// `PACER_FAKE_NOW=2027-02-28T23:30:00Z npm run test:worker`: the isolate's clock (the tests' and the
// worker's) starts at that instant and ticks on, to check the tests pass on any date. faketime
// cannot do it here: it deadlocks workerd's allocator at start. A test that pins the clock with
// vi.setSystemTime still does, and vi.useRealTimers returns to this shifted clock.
const fakeNow = (env as unknown as { PACER_FAKE_NOW?: string }).PACER_FAKE_NOW;
const shifted = globalThis as unknown as { pacerClockShifted?: boolean; Date: DateConstructor };
if (fakeNow && !shifted.pacerClockShifted) {
  shifted.pacerClockShifted = true;
  const Real = Date;
  const offset = Real.parse(fakeNow) - Real.now();
  class Shifted extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(Real.now() + offset);
      else super(...(args as [number]));
    }
    static override now() {
      return Real.now() + offset;
    }
  }
  shifted.Date = Shifted as unknown as DateConstructor;
}
