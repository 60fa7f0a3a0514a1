# syntax=docker/dockerfile:1.7
# One image recipe for the gateway and every service:
#   docker build --build-arg SERVICE=music-service -t notalabel/music-service .
# Stages: build the service's jar with the wrapper, split it into Boot's layers (rarely
# changing dependencies first, so a code change rebuilds one thin layer), then a JRE 25
# image running as a non-root user with a JDK AOT cache from a training run.

FROM eclipse-temurin:25-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests \
 && cp "$(ls ${SERVICE}/target/${SERVICE}-*.jar | grep -v plain | head -n 1)" /application.jar \
 && java -Djarmode=tools -jar /application.jar extract --layers --destination /extracted

FROM eclipse-temurin:25-jre AS runtime
# FFmpeg's natives (music-service's audio engine) link against these.
RUN apt-get update && apt-get install -y --no-install-recommends libstdc++6 libudev1 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home-dir /app app
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# Training run: start, stop once the context is refreshed, keep what the JVM loaded and
# linked. There is no database or Redis at build time, so nothing may connect to them while
# beans are made: migrations (the service's and the event bus's follow spring.flyway.enabled)
# and Hibernate's metadata probe stay off for this one run; connecting work waits for the
# lifecycle's start, which the run never reaches. A failed run fails the image build: a
# cache of half the classes would hide a service that cannot start.
RUN java -XX:AOTCacheOutput=/app/application.aot -Xlog:aot*=error -Xlog:cds*=error --enable-native-access=ALL-UNNAMED \
        -Dspring.context.exit=onRefresh \
        -Dspring.flyway.enabled=false \
        -Dspring.jpa.hibernate.ddl-auto=none \
        -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
        -Dspring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect \
        -jar application.jar
USER app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-XX:AOTCache=/app/application.aot", "-Xlog:aot*=error", "-Xlog:cds*=error", \
            "--enable-native-access=ALL-UNNAMED", "-jar", "application.jar"]
