package dev.vcportfolio.bench;

import dev.vcportfolio.support.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The packaged service for HTTP benchmarks, on {@code DB_URL} when set, else on a throwaway embedded PostgreSQL. */
final class BenchService {

    private BenchService() {}

    static ServiceProcess launchReady(String name) throws IOException {
        if (!Files.exists(Path.of("target/quarkus-app/quarkus-run.jar"))) {
            throw new IllegalStateException("package the service first: bench/run packages it");
        }
        Map<String, String> environment = new HashMap<>();
        if (System.getenv("DB_URL") != null) {
            environment.put("DB_URL", System.getenv("DB_URL"));
        } else {
            environment.put(
                    "APP_EMBEDDED_DB_DIR",
                    Files.createTempDirectory(name + "-db").toString());
        }
        environment.put("APP_AUTH_TOKENS", dev.vcportfolio.support.TestTokens.benchmarkEnvironment());
        ServiceProcess service = ServiceProcess.launch(name, environment);
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }
}
