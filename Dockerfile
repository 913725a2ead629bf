# Builds and runs the server; used by docker-compose.yml (not by the tests: CI has no Docker engine).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/backend/target/gan-playground.jar /app/gan-playground.jar
COPY --from=build /src/backend/target/lib /app/lib
COPY --from=build /src/server-env.sh /app/server-env.sh
ENV PORT=8080 GAN_RUNS_DIR=/app/runs
EXPOSE 8080
# The same native, malloc and JVM settings as run.sh (server-env.sh says why).
CMD ["bash", "-c", "source /app/server-env.sh && exec java \"${SERVER_JVM_FLAGS[@]}\" -jar /app/gan-playground.jar"]
