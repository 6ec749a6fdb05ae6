# Samverka container image.
#
#   docker build -t samverka:0.1.0 .
#
# Stage 1 only provides a pinned Node.js (the web client's Vite build needs Node ^20.19;
# the distribution packages of the Maven image's Ubuntu base are too old).
FROM node:20.19.5-bookworm-slim AS node

# Stage 2 builds the whole reactor (web client included) with the Maven wrapper.
FROM maven:3.9.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl unzip libatomic1 \
 && rm -rf /var/lib/apt/lists/* \
 && node --version && npm --version
WORKDIR /src
COPY . .
RUN chmod +x mvnw && ./mvnw -B -DskipTests package

# Stage 3: the runtime, a JRE plus curl for the container healthcheck.
FROM eclipse-temurin:17.0.13_11-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 samverka \
 && useradd --system --uid 10001 --gid samverka --home-dir /var/lib/samverka --shell /usr/sbin/nologin samverka \
 && mkdir -p /opt/samverka /var/lib/samverka \
 && chown samverka:samverka /var/lib/samverka
COPY --from=build /src/app/target/samverka.jar /opt/samverka/samverka.jar
WORKDIR /var/lib/samverka
ENV SAMVERKA_DATA_DIR=/var/lib/samverka \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/samverka/samverka.jar"]
