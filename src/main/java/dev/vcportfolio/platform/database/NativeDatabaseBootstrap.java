package dev.vcportfolio.platform.database;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The native executable's {@link DatabaseBootstrap#embedded}: there is no embedded PostgreSQL in it (its classes start
 * binaries unpacked from a jar, which the image neither holds nor should run in a container), so a start without a
 * configured database stops with what to set. Read only by the native-image builder; the JVM never loads it.
 */
@TargetClass(DatabaseBootstrap.class)
final class NativeDatabaseBootstrap {

    private NativeDatabaseBootstrap() {}

    @Substitute
    static Map<String, String> embedded(Function<String, Optional<String>> setting) {
        throw new IllegalStateException("The native executable has no embedded PostgreSQL: set DB_URL (and DB_USER, "
                + "DB_PASSWORD) or the quarkus.datasource properties (README, Native image)");
    }
}
