import type { Probot } from "probot";
import { learnAppIdentity } from "./app-identity.js";
import { ConfigCache } from "./config-cache.js";
import { incidentEvents, installationEvents, pullRequestEvents } from "./events.js";
import { KeyedQueue } from "./keyed-queue.js";
import { InstallationAges } from "./installation-ages.js";
import { OnboardingLedger } from "./onboarding-ledger.js";

/**
 * The Probot app: `npm start` serves it (`probot run ./lib/app/index.js`). The handlers, and the
 * use cases behind them, load with the first event: the server answers `/ping` as soon as a
 * bare Probot app would.
 */
export default function ctoCopilotApp(app: Probot): void {
  const queue = new KeyedQueue();
  const configs = new ConfigCache();
  const ledger = new OnboardingLedger();
  const installations = new InstallationAges(app);
  learnAppIdentity(app);
  app.on([...pullRequestEvents], async (context) =>
    (await import("./on-pull-request.js")).onPullRequest(context, queue),
  );
  app.on("repository_dispatch", async (context) =>
    (await import("./on-repository-dispatch.js")).onRepositoryDispatch(context, queue),
  );
  app.on("push", async (context) =>
    (await import("./on-push.js")).onPush(context, queue, configs, ledger, installations),
  );
  app.on([...incidentEvents], async (context) => (await import("./on-issue.js")).onIssueEvent(context, queue, configs));
  app.on([...installationEvents], async (context) =>
    (await import("./on-installation.js")).onInstallation(context, queue, ledger),
  );
  app.onError((error) => {
    app.log.error({ err: error }, "webhook handling failed");
  });
}
