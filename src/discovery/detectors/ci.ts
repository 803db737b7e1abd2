import type { Findings, Topic } from "../findings.js";
import type { FileKind } from "../repository-files.js";
import type { Repository } from "../repository.js";
import { baseName, quoted } from "../text.js";

/** CI/CD systems by the file kind that configures them. */
const pipelines: [FileKind, string, string][] = [
  ["github-workflow", "GitHub Actions", "workflow"],
  ["gitlab-ci", "GitLab CI", "pipeline"],
  ["circleci", "CircleCI", "config"],
  ["jenkins", "Jenkins", "pipeline"],
  ["azure-pipelines", "Azure Pipelines", "pipeline"],
  ["bitbucket", "Bitbucket Pipelines", "pipeline"],
  ["buildkite", "Buildkite", "pipeline"],
  ["cloudbuild", "Google Cloud Build", "build config"],
];

/**
 * Deploy steps, by the action, task or command they run: where a pipeline ships code names
 * the hosting. Logging in to a cloud names the cloud (weight 1: it could be for anything).
 */
const deploySteps: [RegExp, [Topic, string, number][]][] = [
  [
    /actions\/deploy-pages@|peaceiris\/actions-gh-pages@|JamesIves\/github-pages-deploy-action@/i,
    [["frontend.hosting", "GitHub Pages", 2]],
  ],
  [/amondnet\/vercel-action@|\bvercel\s+(?:deploy|--prod)\b/i, [["frontend.hosting", "Vercel", 2]]],
  [/nwtgck\/actions-netlify@|\bnetlify\s+deploy\b/i, [["frontend.hosting", "Netlify", 2]]],
  [/cloudflare\/pages-action@|\bwrangler\s+pages\s+deploy\b/i, [["frontend.hosting", "Cloudflare Pages", 2]]],
  [/FirebaseExtended\/action-hosting-deploy@/i, [["frontend.hosting", "Firebase Hosting", 2]]],
  [/Azure\/static-web-apps-deploy@/i, [["frontend.hosting", "Azure Static Web Apps", 2]]],
  [/\bwrangler\s+deploy\b|\bwrangler\s+publish\b/i, [["backend.hosting", "Cloudflare Workers", 2]]],
  [
    /google-github-actions\/deploy-cloudrun@|\bgcloud\s+run\s+deploy\b|["']run["'],\s*["']deploy["']/i,
    [
      ["backend.hosting", "Google Cloud Run", 2],
      ["cloud", "Google Cloud", 1],
      ["cloud.service", "Cloud Run", 1],
    ],
  ],
  [
    /google-github-actions\/deploy-appengine@|\bgcloud\s+app\s+deploy\b/i,
    [
      ["backend.hosting", "Google App Engine", 2],
      ["cloud", "Google Cloud", 1],
    ],
  ],
  [
    /aws-actions\/amazon-ecs-deploy-task-definition@|\baws\s+ecs\s+update-service\b/i,
    [
      ["backend.hosting", "AWS ECS", 2],
      ["cloud", "AWS", 1],
      ["cloud.service", "ECS", 1],
    ],
  ],
  [
    /\baws\s+lambda\s+update-function-code\b|\bsam\s+deploy\b|\bserverless\s+deploy\b|\bsls\s+deploy\b/i,
    [
      ["backend.hosting", "AWS Lambda", 2],
      ["cloud", "AWS", 1],
    ],
  ],
  [/superfly\/flyctl-actions|\bflyctl\s+deploy\b|\bfly\s+deploy\b/i, [["backend.hosting", "Fly.io", 2]]],
  [
    /akhileshns\/heroku-deploy@|\bgit\s+push\s+heroku\b|\bheroku\s+container:release\b/i,
    [["backend.hosting", "Heroku", 2]],
  ],
  [/\brailway\s+up\b/i, [["backend.hosting", "Railway", 2]]],
  [
    /azure\/webapps-deploy@|\bAzureWebApp@\d|\bAzureRmWebAppDeployment@\d/i,
    [
      ["backend.hosting", "Azure App Service", 2],
      ["cloud", "Azure", 1],
    ],
  ],
  [
    /azure\/container-apps-deploy-action@|\bAzureContainerApps@\d/i,
    [
      ["backend.hosting", "Azure Container Apps", 2],
      ["cloud", "Azure", 1],
    ],
  ],
  [
    /Azure\/functions-action@|\bAzureFunctionApp@\d/i,
    [
      ["backend.hosting", "Azure Functions", 2],
      ["cloud", "Azure", 1],
    ],
  ],
  [
    /\bkubectl\s+(?:apply|rollout|set\s+image)\b|\bhelm\s+(?:upgrade|install)\b|azure\/k8s-deploy@|\bKubernetesManifest@\d|\bHelmDeploy@\d/i,
    [["backend.hosting", "Kubernetes", 2]],
  ],
  [/\bargocd\s+app\s+sync\b/i, [["cicd", "Argo CD (GitOps)", 2]]],
  [/aws-actions\/configure-aws-credentials@/i, [["cloud", "AWS", 1]]],
  [/google-github-actions\/auth@/i, [["cloud", "Google Cloud", 1]]],
  [/azure\/login@|\bAzureCLI@\d|\bazureSubscription:/i, [["cloud", "Azure", 1]]],
];

/**
 * CI/CD: each configured system (a file of its kind, read or not), and in the pipeline texts
 * the deploy steps that say where code ships and which cloud it logs in to. A site synced to
 * S3 and invalidated in CloudFront is the frontend's hosting.
 */
export function detectCi(repo: Repository, findings: Findings): void {
  for (const [kind, system, what] of pipelines) {
    for (const path of repo.files(kind)) {
      const file = baseName(path);
      findings.add({ topic: "cicd", value: system, source: path, reason: `${system} ${what} (${file})`, weight: 2 });
      const text = repo.text(path);
      if (text === undefined) continue;
      for (const [pattern, said] of deploySteps) {
        const match = pattern.exec(text);
        if (!match) continue;
        const step = match[0].replace(/@$/, "");
        for (const [topic, value, weight] of said)
          findings.add({ topic, value, source: path, reason: `${quoted(step)} in ${file}`, weight });
      }
      if (/\baws\s+s3\s+sync\b/.test(text) && /\bcloudfront\s+create-invalidation\b/.test(text))
        findings.add({
          topic: "frontend.hosting",
          value: "AWS S3 + CloudFront",
          source: path,
          reason: `"aws s3 sync" and a CloudFront invalidation in ${file}`,
          weight: 2,
        });
    }
  }
}
