# The CTO Co-Pilot App as a container: docs/app.md#deploying-it.
#   docker build -t cto-copilot .
#   docker run -p 3000:3000 -e APP_ID=123456 -e WEBHOOK_SECRET=... -e PRIVATE_KEY="$(cat key.pem)" cto-copilot

# Build: compile the TypeScript with the development dependencies, which stay in this stage.
FROM node:22-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

# Run: the compiled App, production dependencies only, as the unprivileged `node` user.
FROM node:22-alpine
ENV NODE_ENV=production \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/lib ./lib
COPY app.yml ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "lib/app/server.js"]
