# Heliox ATLAS — container image of the web application (used by docker-compose.yml).
# `make run` needs none of this: it starts the same jar with an embedded PostgreSQL.
#
# Build:  docker build -t heliox/atlas .
# Works with the classic builder and BuildKit alike (no BuildKit-only syntax).

# ---- build stage -----------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src

# 1) Poms first, so third-party dependencies and plugins live in their own cached layer
#    that only a pom change invalidates. go-offline cannot always resolve the reactor's
#    own modules before they are built, so this step is a best-effort warm-up only.
COPY pom.xml ./
COPY core-api/pom.xml     core-api/
COPY contracts/pom.xml    contracts/
COPY migrations/pom.xml   migrations/
COPY engine/pom.xml       engine/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml   query-side/
COPY web/pom.xml          web/
RUN mvn -B -q dependency:go-offline || true

# 2) Then the whole repository (minus what .dockerignore drops) and the real build.
#    If web/ui/ (SvelteKit) gets built by Maven later, it happens here too.
COPY . .
RUN mvn -B -DskipTests package \
 && cp web/target/atlas-web-*.jar /tmp/app.jar

# ---- runtime stage ---------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# curl is installed explicitly for the health check: newer eclipse-temurin images no
# longer ship curl/wget, so relying on them being there is fragile.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 atlas \
 && useradd --system --uid 10001 --gid atlas --home-dir /app --shell /usr/sbin/nologin atlas \
 && mkdir -p /app/var \
 && chown -R atlas:atlas /app

WORKDIR /app
COPY --from=build --chown=atlas:atlas /tmp/app.jar app.jar

ENV ATLAS_DATA_DIR=/app/var ATLAS_BIND_ADDRESS=0.0.0.0 \
    PORT=8080
VOLUME ["/app/var"]
EXPOSE 8080
USER atlas:atlas

HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1

ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-Ddisable-axoniq-console-message=true","-jar","app.jar"]
