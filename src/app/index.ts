import type { Probot } from "probot";
import { KeyedQueue } from "./keyed-queue.js";
import { onPullRequest, pullRequestEvents } from "./on-pull-request.js";
import { onRepositoryDispatch } from "./on-repository-dispatch.js";

/** The Probot app: `npm start` serves it (`probot run ./lib/app/index.js`). */
export default function ctoCopilotApp(app: Probot): void {
  const queue = new KeyedQueue();
  app.on([...pullRequestEvents], (context) => onPullRequest(context, queue));
  app.on("repository_dispatch", (context) => onRepositoryDispatch(context, queue));
  app.onError((error) => {
    app.log.error({ err: error }, "webhook handling failed");
  });
}
