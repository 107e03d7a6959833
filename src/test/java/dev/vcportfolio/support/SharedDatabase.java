package dev.vcportfolio.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For integration tests that launch the packaged service: starts the test PostgreSQL (embedded, or a fresh database on
 * {@code DB_URL}) before the class and stops it after. Use with {@code @ExtendWith(SharedDatabase.class)}.
 */
public final class SharedDatabase implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestDatabase.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase.stop();
    }
}
