import { clean, difference, listed, reasonText, type ReadFile, type Signal } from "./signal.js";

/** Actions that hand the pipeline a cloud credential. */
const credentialAction =
  /configure-aws-credentials|google-github-actions\/auth|azure\/login|azure\/oidc|docker\/login-action|hashicorp\/vault-action|doitintl\/docker-action|digitalocean\/action-doctl/i;
/** Actions that deploy somewhere. */
const deployAction =
  /deploy|pages|cloudrun|appengine|amazon-ecs|lambda|beanstalk|flyctl|vercel|netlify|firebase|wrangler|webapps|functions-action|k8s-|helm|setup-kubectl|heroku|render|railway/i;
/** Shell commands that deploy: the tool and its verb name the target. */
const deployCommand =
  /\b(kubectl\s+(?:apply|rollout|set\s+image)|helm\s+(?:upgrade|install)|terraform\s+apply|tofu\s+apply|fly(?:ctl)?\s+deploy|vercel(?:\s+deploy|\s+--prod)|netlify\s+deploy|(?:serverless|sls)\s+deploy|gcloud\s+[\w\s-]*deploy|aws\s+[\w-]+\s+[\w-]*(?:deploy|update-service|update-function-code)|eb\s+deploy|firebase\s+deploy|wrangler\s+(?:deploy|publish)|az\s+[\w\s-]*(?:deploy|up)|cdk\s+deploy|pulumi\s+up|git\s+push\s+heroku|dokku|railway\s+up|render\s+deploy|ansible-playbook|kamal\s+deploy|cap\s+\w+\s+deploy)/gi;

interface PipelineFacts {
  environments: string[];
  credentials: string[];
  deployers: string[];
}

function factsOf(text: string | undefined): PipelineFacts {
  const cleaned = clean(text) ?? "";
  const environments = new Set<string>();
  for (const match of cleaned.matchAll(/^\s*environment:[ \t]*([^\s#{][^#\n]*)?$/gm)) {
    const inline = match[1]?.trim();
    if (inline) environments.add(inline.replace(/^["']|["']$/g, ""));
    else {
      // environment:\n  name: production
      const after = cleaned.slice(match.index! + match[0].length, match.index! + match[0].length + 200);
      const name = /^\s*\n\s+name:\s*([^\s#]+)/.exec(after)?.[1];
      if (name) environments.add(name.replace(/^["']|["']$/g, ""));
    }
  }
  for (const match of cleaned.matchAll(/environment:\s*\{\s*name:\s*([^\s,}]+)/g))
    environments.add(match[1]!.replace(/^["']|["']$/g, ""));
  const uses = [...cleaned.matchAll(/^\s*-?\s*uses:\s*["']?([^@\s"']+)/gm)].map((match) => match[1]!.toLowerCase());
  const commands = [...cleaned.matchAll(deployCommand)].map((match) => match[1]!.toLowerCase().replace(/\s+/g, " "));
  return {
    environments: [...environments],
    credentials: uses.filter((action) => credentialAction.test(action)),
    deployers: [...uses.filter((action) => deployAction.test(action) && !credentialAction.test(action)), ...commands],
  };
}

const isPipeline = (path: string) =>
  /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) ||
  /(^|\/)(\.gitlab-ci\.yml|Jenkinsfile|azure-pipelines\.yml|bitbucket-pipelines\.yml|\.drone\.yml|cloudbuild\.ya?ml)$/.test(
    path,
  ) ||
  /^\.circleci\/config\.yml$/.test(path) ||
  /^\.buildkite\/pipeline\.ya?ml$/.test(path);

/**
 * CI/CD pipelines. A decision: a pipeline added or removed; a new deployment environment, a new
 * cloud credential, a new way or place to deploy (a deploy action or command not used before).
 * Action version pins, job and step renames, caches, lint or test steps, matrix versions are not.
 *
 * Example: `actions/checkout@v3 -> @v4`: not a decision; `aws-actions/configure-aws-credentials`
 * and `environment: production` appearing: "new environment production; new credential ...".
 */
export function readCiCd(files: readonly ReadFile[]): Signal[] {
  const signals: Signal[] = [];
  for (const file of files) {
    const decide = (reason: string, technologies: string[] = []) =>
      signals.push({
        file: file.path,
        decision: true,
        reason: reasonText(reason),
        technologies: ["ci/cd", ...technologies],
      });
    if (!isPipeline(file.path)) {
      signals.push({
        file: file.path,
        decision: false,
        reason: "a reusable action or script, not a pipeline",
        technologies: ["ci/cd"],
      });
      continue;
    }
    if (file.before === undefined || file.after === undefined) {
      const facts = factsOf(file.after ?? file.before);
      const deploys = [...facts.environments, ...facts.deployers];
      decide(
        `${file.after === undefined ? "removes" : "new"} pipeline ${file.path.split("/").pop()}${deploys.length > 0 ? ` (deploys: ${listed(deploys)})` : ""}`,
        deploys,
      );
      continue;
    }
    const old = factsOf(file.before);
    const next = factsOf(file.after);
    const parts: string[] = [];
    const environments = difference(old.environments, next.environments).added;
    const credentials = difference(old.credentials, next.credentials).added;
    const deployers = difference(old.deployers, next.deployers).added;
    if (environments.length > 0) parts.push(`new environment ${listed(environments)}`);
    if (credentials.length > 0) parts.push(`new credential ${listed(credentials)}`);
    if (deployers.length > 0) parts.push(`deploys with ${listed(deployers)}`);
    if (parts.length > 0) decide(parts.join("; "), [...environments, ...deployers]);
    else
      signals.push({
        file: file.path,
        decision: false,
        reason: "action versions, steps or job settings only",
        technologies: ["ci/cd"],
      });
  }
  return signals;
}
