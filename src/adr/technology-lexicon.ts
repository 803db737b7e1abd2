import type { InfraCategory } from "./categories.js";

/**
 * Technologies whose adoption or removal a team lives with, by the area an ADR about them would
 * concern. Read only where the change says of itself that it adopts, switches to or removes one
 * (`stated-decisions.ts`): the name alone in a diff decides nothing. Words that name everyday
 * tools of every repository (docker, helm, github, npm) are left out: "use helm" says nothing new.
 */
const byCategory: Record<InfraCategory, string> = {
  database: `postgres postgresql mysql mariadb mongodb mongo redis valkey keydb dragonfly memcached sqlite
    cassandra scylla scylladb cockroachdb tidb yugabyte neo4j dynamodb firestore bigtable spanner bigquery
    snowflake redshift clickhouse druid pinot timescaledb influxdb victoriametrics elasticsearch opensearch
    solr meilisearch typesense algolia manticore qdrant weaviate milvus pinecone pgvector
    kafka redpanda rabbitmq nats pulsar activemq sqs sns kinesis eventbridge zookeeper celery
    sidekiq resque oban bullmq temporal airflow dagster prefect minio seaweedfs ceph
    ehcache hazelcast infinispan varnish nfs glusterfs prisma drizzle typeorm sequelize sqlalchemy alembic ecto gorm hibernate knex`,
  orchestration: `kubernetes k3s rke2 talos openshift nomad consul istio linkerd cilium calico flannel envoy
    traefik ingress-nginx nginx contour kong apisix kube-vip metallb cert-manager external-dns external-secrets
    sealed-secrets keda karpenter velero volsync rook longhorn openebs argocd fluxcd helmfile kustomize crossplane tekton
    spinnaker prometheus thanos mimir grafana loki tempo jaeger opentelemetry`,
  containers: `podman containerd buildah kaniko swarm ghcr ghcr.io quay quay.io ecr harbor artifactory nexus
    distroless chainguard wolfi`,
  "ci-cd": `gitlab gitea forgejo circleci travis drone woodpecker buildkite jenkins teamcity bamboo`,
  "infrastructure-as-code": `terraform opentofu terragrunt pulumi cloudformation ansible chef puppet saltstack
    packer vagrant nix nixos aws gcp azure digitalocean hetzner linode vultr ovh scaleway fly.io heroku render
    railway vercel netlify cloudflare fastly cloudfront akamai proxmox eks gke aks ecs fargate lambda k3d
    minikube`,
  dependencies: `node nodejs deno bun python ruby php elixir erlang golang java kotlin scala dotnet rust
    react preact vue nuxt svelte sveltekit angular nextjs remix astro gatsby ember django flask fastapi
    starlette rails sinatra laravel symfony phoenix spring quarkus micronaut nestjs fastify koa hapi gin fiber
    actix axum trpc graphql grpc apollo htmx tailwind tailwindcss bootstrap shadcn chakra mui vuetify webpack
    vite rollup esbuild parcel turbopack rspack vitest jest mocha cypress playwright poetry uv pipenv pdm
    conda bundler composer gradle maven bazel nx turborepo lerna typescript oidc oauth oauth2 saml sso ldap
    keycloak auth0 okta clerk cognito authentik authelia passkey passkeys webauthn argon2 bcrypt sentry
    datadog newrelic honeycomb appsignal bugsnag rollbar posthog segment mixpanel amplitude plausible matomo
    stripe braintree paddle chargebee lemonsqueezy revenuecat adyen paypal sendgrid mailgun postmark ses
    mailchimp twilio pusher firebase supabase appwrite pocketbase openai anthropic expo capacitor electron
    tauri flutter react-native`,
};

/** Each technology and the category its decision belongs to (the first that lists it). */
export const technologyCategory: ReadonlyMap<string, InfraCategory> = (() => {
  const categories = new Map<string, InfraCategory>();
  for (const [category, words] of Object.entries(byCategory) as [InfraCategory, string][])
    for (const word of words.trim().split(/\s+/)) if (!categories.has(word)) categories.set(word, category);
  return categories;
})();
