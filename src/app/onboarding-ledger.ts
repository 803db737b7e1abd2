import { forgetConfigChange } from "./config-cache.js";

/** Repositories remembered at most: past this, the oldest are forgotten (one read each on their next push). */
const capacity = 20_000;

/**
 * Which repositories need no onboarding look on push: set up, declined, opted out, already
 * proposed, or failed lately (so a repository GitHub refuses is not rediscovered on every push).
 * Memory only, and only a saving: after a restart each repository costs one read on its next
 * push to say so again. The repository itself stays the state.
 */
export class OnboardingLedger {
  private readonly settled = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  has(repository: string): boolean {
    const until = this.settled.get(repository.toLowerCase());
    return until !== undefined && until > this.clock();
  }

  /** No look until a push changes the config (or for `forMs`, after a failure). */
  settle(repository: string, forMs = Infinity): void {
    if (this.settled.size >= capacity) this.settled.delete(this.settled.keys().next().value!);
    this.settled.set(repository.toLowerCase(), this.clock() + forMs);
  }

  /** A push changed `repository`'s config (the `.github` repository: every repository of the owner). */
  forget(repository: string): void {
    forgetConfigChange(this.settled, repository);
  }
}
