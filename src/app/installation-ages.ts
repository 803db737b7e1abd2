import type { Probot } from "probot";

/**
 * When each installation was created, read once per App process with the App's own token.
 * The lazy half of onboarding is for the repositories a fresh install left for later: an App
 * that was installed long ago (and upgraded to a version that onboards) must not open
 * onboarding pull requests on every repository's next push.
 */
export class InstallationAges {
  private readonly created = new Map<number, Promise<number | undefined>>();

  constructor(private readonly app: Pick<Probot, "auth">) {}

  createdAt(installationId: number): Promise<number | undefined> {
    let known = this.created.get(installationId);
    if (!known) {
      known = this.app
        .auth()
        .then((octokit) =>
          octokit.request("GET /app/installations/{installation_id}", { installation_id: installationId }),
        )
        .then(({ data }) => Date.parse(data.created_at))
        .catch(() => {
          this.created.delete(installationId);
          return undefined;
        });
      this.created.set(installationId, known);
    }
    return known;
  }
}

/** How long after an install its left-over repositories are onboarded on push. */
export const lazyOnboardingWindowMs = 30 * 86_400_000;
