package dev.vcportfolio.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which database the service uses, in words, for the start-up log. */
@ApplicationScoped
public class DatabaseDescription {

    private final String text;

    DatabaseDescription(
            @ConfigProperty(name = "app.database.description", defaultValue = "PostgreSQL") String description,
            @ConfigProperty(name = "quarkus.datasource.reactive.url", defaultValue = "(no URL)") String url) {
        this.text = description + " [" + url + "]";
    }

    public String text() {
        return text;
    }
}
