package dev.vcportfolio.platform.database;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides, before Quarkus starts, which PostgreSQL the service uses: the datasource properties when they are set,
 * else {@code DB_URL}, else an embedded server in a local data folder. With {@code DB_OWNER_USER} set, Flyway migrates
 * as that role (the schema owner) and the running service uses the datasource's role, which then needs no DDL rights
 * (README, "Database roles"); without it, one role does both.
 */
public final class DatabaseBootstrap {

    static final String DEFAULT_DATA_DIRECTORY = "data/postgres";

    /**
     * {@code true} exactly when the service runs on its embedded PostgreSQL; set either way here, so it cannot be
     * claimed from outside. With no tokens configured it turns on the first run's local token (DESIGN 17).
     */
    public static final String EMBEDDED = "app.database.embedded";

    private DatabaseBootstrap() {}

    /**
     * Resolves the database and returns the properties to set; starts the embedded server when nothing is configured.
     *
     * @param setting reads a setting the way the service is configured: system property first, then environment
     */
    public static Map<String, String> resolve(Function<String, Optional<String>> setting) {
        Optional<MigrationRole> migrationRole = migrationRole(setting);
        Map<String, String> properties = new LinkedHashMap<>(database(setting));
        migrationRole.ifPresent(owner -> {
            properties.put("quarkus.flyway.username", owner.user());
            properties.put("quarkus.flyway.password", owner.password());
            properties.merge(
                    "app.database.description",
                    "; migrations run as " + owner.user(),
                    (description, suffix) -> description + suffix);
        });
        return properties;
    }

    /** The schema owner Flyway connects as, when one apart from the run-time role is configured. */
    record MigrationRole(String user, String password) {}

    /**
     * {@code DB_OWNER_USER} and {@code DB_OWNER_PASSWORD}. Quarkus hands Flyway its own credentials only when both
     * {@code quarkus.flyway.username} and {@code .password} are set, and silently falls back to the run-time role
     * otherwise, so a user without a password is refused here rather than ignored.
     */
    static Optional<MigrationRole> migrationRole(Function<String, Optional<String>> setting) {
        Optional<String> user = setting.apply("DB_OWNER_USER").filter(value -> !value.isBlank());
        Optional<String> password = setting.apply("DB_OWNER_PASSWORD").filter(value -> !value.isEmpty());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MigrationRole(
                user.get(),
                password.orElseThrow(() -> new IllegalArgumentException("DB_OWNER_USER is set to '" + user.get()
                        + "' but DB_OWNER_PASSWORD is empty: Flyway would silently migrate as the run-time role"))));
    }

    private static Map<String, String> database(Function<String, Optional<String>> setting) {
        if (setting.apply("quarkus.datasource.reactive.url").isPresent()) {
            return Map.of(
                    "app.database.description", "PostgreSQL from the quarkus.datasource properties", EMBEDDED, "false");
        }
        Optional<String> url = setting.apply("DB_URL");
        if (url.isPresent() && !url.get().isBlank()) {
            return withEmbedded(
                    DatabaseTarget.fromUrl(url.get(), setting.apply("DB_USER"), setting.apply("DB_PASSWORD")), false);
        }
        return embedded(setting);
    }

    /**
     * The embedded server, the default when nothing is configured. The native executable replaces this method
     * ({@code NativeDatabaseBootstrap}), so neither the embedded-PostgreSQL classes nor their binaries enter it.
     */
    static Map<String, String> embedded(Function<String, Optional<String>> setting) {
        Path dataDirectory = Path.of(setting.apply("APP_EMBEDDED_DB_DIR").orElse(DEFAULT_DATA_DIRECTORY));
        int port = setting.apply("APP_EMBEDDED_DB_PORT").map(Integer::parseInt).orElse(0);
        return withEmbedded(EmbeddedDatabase.start(dataDirectory, port).target(), true);
    }

    private static Map<String, String> withEmbedded(DatabaseTarget target, boolean embedded) {
        Map<String, String> properties = new LinkedHashMap<>(target.quarkusProperties());
        properties.put(EMBEDDED, Boolean.toString(embedded));
        return properties;
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
