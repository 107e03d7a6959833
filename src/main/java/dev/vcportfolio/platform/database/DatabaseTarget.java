package dev.vcportfolio.platform.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the service's PostgreSQL lives, and the Quarkus datasource properties that point at it.
 *
 * @param host server host name or address
 * @param port TCP port, 1-65535
 * @param database database name
 * @param user role used by the running service (and by Flyway unless a migration role is given)
 * @param password password, empty for trust authentication
 * @param description what the start-up log says about this database
 */
public record DatabaseTarget(String host, int port, String database, String user, String password, String description) {

    public DatabaseTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("database host is required");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("database port must be 1-65535: " + port);
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("database name is required");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("database user is required");
        }
        password = password == null ? "" : password;
    }

    /**
     * Parses {@code DB_URL}: {@code postgresql://[user[:password]@]host[:port]/database}; {@code postgres://} and a
     * {@code jdbc:} prefix are accepted too. Explicit user and password override the ones in the URL.
     */
    public static DatabaseTarget fromUrl(String url, Optional<String> user, Optional<String> password) {
        String raw = url.strip();
        if (raw.startsWith("jdbc:")) {
            raw = raw.substring("jdbc:".length());
        }
        URI uri = URI.create(raw);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DB_URL must start with postgresql:// (or jdbc:postgresql://): " + url);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String[] userInfo = uri.getRawUserInfo() == null
                ? new String[0]
                : uri.getRawUserInfo().split(":", 2);
        Optional<String> urlUser = userInfo.length > 0 ? Optional.of(decode(userInfo[0])) : Optional.empty();
        Optional<String> urlPassword = userInfo.length > 1 ? Optional.of(decode(userInfo[1])) : Optional.empty();
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String database = path.isEmpty() ? "postgres" : path;
        return new DatabaseTarget(
                uri.getHost(),
                port,
                database,
                user.or(() -> urlUser).orElse("postgres"),
                password.or(() -> urlPassword).orElse(""),
                "PostgreSQL server at " + uri.getHost() + ":" + port + "/" + database + " (from DB_URL)");
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The datasource properties for Quarkus: the reactive client at run time, JDBC for Flyway at start-up. */
    public Map<String, String> quarkusProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.reactive.url", reactiveUrl());
        properties.put("quarkus.datasource.jdbc.url", jdbcUrl());
        properties.put("quarkus.datasource.username", user);
        properties.put("quarkus.datasource.password", password);
        properties.put("app.database.description", description);
        return properties;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
