package dev.vcportfolio.platform.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides, before Quarkus starts, which PostgreSQL the service uses: the datasource properties when they are set,
 * else {@code DB_URL}, else an embedded server in a local data folder.
 */
public final class DatabaseBootstrap {

    static final String DEFAULT_DATA_DIRECTORY = "data/postgres";

    private DatabaseBootstrap() {}

    /**
     * Resolves the database and returns the properties to set; starts the embedded server when nothing is configured.
     *
     * @param setting reads a setting the way the service is configured: system property first, then environment
     */
    public static Map<String, String> resolve(Function<String, Optional<String>> setting) {
        if (setting.apply("quarkus.datasource.reactive.url").isPresent()) {
            return Map.of("app.database.description", "PostgreSQL from the quarkus.datasource properties");
        }
        Optional<String> url = setting.apply("DB_URL");
        if (url.isPresent() && !url.get().isBlank()) {
            return DatabaseTarget.fromUrl(url.get(), setting.apply("DB_USER"), setting.apply("DB_PASSWORD"))
                    .quarkusProperties();
        }
        Path dataDirectory = Path.of(setting.apply("APP_EMBEDDED_DB_DIR").orElse(DEFAULT_DATA_DIRECTORY));
        int port = setting.apply("APP_EMBEDDED_DB_PORT").map(Integer::parseInt).orElse(0);
        return EmbeddedDatabase.start(dataDirectory, port).target().quarkusProperties();
    }

    /** System property, then the environment variable of the same name or its Quarkus-style spelling. */
    public static Optional<String> systemSetting(String name) {
        return Optional.ofNullable(System.getProperty(name))
                .or(() -> Optional.ofNullable(System.getenv(name)))
                .or(() -> Optional.ofNullable(System.getenv(environmentName(name))));
    }

    static String environmentName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
