/** Repositories remembered at most: past this, the oldest are forgotten (one read each on their next push). */
const capacity = 20_000;

/**
 * Which repositories need no onboarding look on push: set up, declined, opted out, or already
 * proposed. Memory only, and only a saving: after a restart each repository costs one read on
 * its next push to say so again. The repository itself stays the state.
 */
export class OnboardingLedger {
  private readonly settled = new Set<string>();

  has(repository: string): boolean {
    return this.settled.has(repository.toLowerCase());
  }

  settle(repository: string): void {
    if (this.settled.size >= capacity) this.settled.delete(this.settled.values().next().value!);
    this.settled.add(repository.toLowerCase());
  }
}
