package dev.vcportfolio.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

    @Test
    void parses_a_libpq_style_url_with_credentials() {
        // when
        DatabaseTarget target = DatabaseTarget.fromUrl(
                "postgresql://app:s%40cret@db.internal:6543/funds", Optional.empty(), Optional.empty());

        // then
        assertThat(target.reactiveUrl()).isEqualTo("postgresql://db.internal:6543/funds");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/funds");
        assertThat(target.user()).isEqualTo("app");
        assertThat(target.password()).isEqualTo("s@cret");
    }

    @Test
    void accepts_a_jdbc_url_and_explicit_credentials_win() {
        // when
        DatabaseTarget target =
                DatabaseTarget.fromUrl("jdbc:postgresql://127.0.0.1/portfolio", Optional.of("svc"), Optional.of("pw"));

        // then
        assertThat(target.port()).isEqualTo(5432);
        assertThat(target.database()).isEqualTo("portfolio");
        assertThat(target.quarkusProperties())
                .containsEntry("quarkus.datasource.username", "svc")
                .containsEntry("quarkus.datasource.password", "pw")
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/portfolio");
    }

    @Test
    void rejects_other_schemes() {
        assertThatThrownBy(() -> DatabaseTarget.fromUrl("mysql://h/db", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://");
    }

    @Test
    void explicit_datasource_properties_take_precedence_over_db_url() {
        // given
        Map<String, String> settings =
                Map.of("quarkus.datasource.reactive.url", "postgresql://x/y", "DB_URL", "postgresql://other/db");

        // when
        Map<String, String> resolved = DatabaseBootstrap.resolve(name -> Optional.ofNullable(settings.get(name)));

        // then no URL is overridden, nothing embedded is started, and the first run's local token stays off
        assertThat(resolved)
                .doesNotContainKey("quarkus.datasource.reactive.url")
                .containsEntry(DatabaseBootstrap.EMBEDDED, "false");
    }

    @Test
    void db_url_is_turned_into_datasource_properties() {
        // when
        Map<String, String> resolved = DatabaseBootstrap.resolve(
                name -> name.equals("DB_URL") ? Optional.of("postgresql://h:1/d") : Optional.empty());

        // then
        assertThat(resolved)
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://h:1/d")
                .containsEntry("app.database.description", "PostgreSQL server at h:1/d (from DB_URL)")
                .containsEntry(DatabaseBootstrap.EMBEDDED, "false");
    }

    @Test
    void an_owner_role_is_given_to_flyway_and_the_run_time_role_to_the_datasource() {
        // given
        Map<String, String> settings = Map.of(
                "DB_URL", "postgresql://h:1/d",
                "DB_USER", "portfolio",
                "DB_PASSWORD", "run",
                "DB_OWNER_USER", "portfolio_owner",
                "DB_OWNER_PASSWORD", "own");

        // when
        Map<String, String> resolved = DatabaseBootstrap.resolve(name -> Optional.ofNullable(settings.get(name)));

        // then
        assertThat(resolved)
                .containsEntry("quarkus.datasource.username", "portfolio")
                .containsEntry("quarkus.datasource.password", "run")
                .containsEntry("quarkus.flyway.username", "portfolio_owner")
                .containsEntry("quarkus.flyway.password", "own")
                .containsEntry(
                        "app.database.description",
                        "PostgreSQL server at h:1/d (from DB_URL); migrations run as portfolio_owner");
    }

    @Test
    void without_an_owner_role_one_role_does_both() {
        // when
        Map<String, String> resolved = DatabaseBootstrap.resolve(name -> switch (name) {
            case "DB_URL" -> Optional.of("postgresql://h:1/d");
            case "DB_OWNER_USER" -> Optional.of(" ");
            default -> Optional.empty();
        });

        // then
        assertThat(resolved).doesNotContainKeys("quarkus.flyway.username", "quarkus.flyway.password");
    }

    @Test
    void an_owner_without_a_password_is_refused_rather_than_silently_ignored() {
        // given
        Map<String, String> settings = Map.of("DB_URL", "postgresql://h:1/d", "DB_OWNER_USER", "portfolio_owner");

        // when / then
        assertThatThrownBy(() -> DatabaseBootstrap.resolve(name -> Optional.ofNullable(settings.get(name))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DB_OWNER_PASSWORD");
    }
}
