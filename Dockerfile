# Builds and runs the server; used by docker-compose.yml (not by the tests: CI has no Docker engine).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/backend/target/gan-playground.jar /app/gan-playground.jar
COPY --from=build /src/backend/target/lib /app/lib
# Malloc thresholds: see run.sh (keeps oneDNN's per-call temporaries in the heap).
ENV PORT=8080 OMP_NUM_THREADS=1 GAN_RUNS_DIR=/app/runs MALLOC_MMAP_THRESHOLD_=33554432 \
    MALLOC_TRIM_THRESHOLD_=131072 MALLOC_TOP_PAD_=16777216
EXPOSE 8080
# JVM and malloc settings as run.sh's (why: there and docs/benchmarks.md).
CMD ["java", "-Xmx512m", "-Xms32m", "-Xmn16m", "-XX:+UseSerialGC", "-jar", "/app/gan-playground.jar"]
