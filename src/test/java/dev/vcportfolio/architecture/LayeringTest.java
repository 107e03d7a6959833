package dev.vcportfolio.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Resources stay thin, repositories own SQL, nothing blocks the event loop, and JDBC never runs after start-up. */
@AnalyzeClasses(packages = "dev.vcportfolio", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule resources_do_not_touch_the_database = noClasses()
            .that()
            .haveSimpleNameEndingWith("Resource")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("io.vertx.mutiny.sqlclient..", "io.vertx.sqlclient..")
            .because("resources parse, validate, delegate and shape replies; services own transactions");

    @ArchTest
    static final ArchRule only_repositories_and_platform_run_sql = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Repository")
            .and()
            .resideOutsideOfPackage("dev.vcportfolio.platform..")
            .should()
            .callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.nameMatching("preparedQuery|query")))
            .because("repositories own SQL");

    @ArchTest
    static final ArchRule no_blocking_waits = noClasses()
            .should()
            .callMethod(io.smallrye.mutiny.groups.UniAwait.class, "indefinitely")
            .orShould()
            .callMethod(io.smallrye.mutiny.groups.UniAwait.class, "atMost", java.time.Duration.class)
            .orShould()
            .callMethod(io.smallrye.mutiny.Uni.class, "await")
            .because("production code never blocks on a Uni (STYLE section 4)");

    @ArchTest
    static final ArchRule no_jdbc_at_run_time = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..")
            .because("only Flyway uses JDBC, once, at start-up; the service talks to PostgreSQL reactively");
}
