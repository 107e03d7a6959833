package dev.vcportfolio.support;

import dev.vcportfolio.platform.database.DatabaseTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Test-side administration over plain JDBC (creating databases, cutting connections); never used by the service. */
public final class Jdbc {

    private Jdbc() {}

    public static Connection connect(DatabaseTarget target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
    }

    public static void execute(DatabaseTarget target, String... statements) {
        try (Connection connection = connect(target);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed on " + target.description() + ": " + e.getMessage(), e);
        }
    }
}
