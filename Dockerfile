# syntax=docker/dockerfile:1
# Multi-stage build: the web app in Node, the server in Go, a small runtime image.

FROM node:20-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
# The build also writes .br and .gz copies of every asset, which the server
# sends as they are (it never compresses, nor writes into its web root).
RUN npm run build

# The same Go as go.mod's `go` line (scripts/check-docker.sh checks it); with
# GOTOOLCHAIN=local a mismatch fails here instead of downloading a toolchain.
FROM golang:1.26.8-bookworm AS server
ENV GOTOOLCHAIN=local
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY migrations/ migrations/
COPY search/ search/
COPY server/ server/
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/doorstep ./server

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tzdata wget \
    && rm -rf /var/lib/apt/lists/* && useradd --system --uid 10001 doorstep \
    && mkdir -p /var/lib/doorstep/uploads && chown -R doorstep /var/lib/doorstep
COPY --from=server /out/doorstep /usr/local/bin/doorstep
COPY --from=web /src/frontend/dist /srv/doorstep/frontend
COPY scripts/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
# Photos go to UPLOAD_DIR (a volume in docker-compose.yml) unless S3_ENDPOINT is set.
ENV ADDR=:8080 FRONTEND_DIR=/srv/doorstep/frontend UPLOAD_DIR=/var/lib/doorstep/uploads TZ=Asia/Shanghai
USER doorstep
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s CMD wget -qO- http://127.0.0.1:8080/readyz >/dev/null || exit 1
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["serve"]
