package dev.vcportfolio.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The computational core must stay plain Java: unit-testable in milliseconds and portable to any runtime. */
@AnalyzeClasses(packages = "dev.vcportfolio", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreIsPureJavaTest {

    @ArchTest
    static final ArchRule core_uses_no_framework_or_sql = noClasses()
            .that()
            .resideInAPackage("dev.vcportfolio.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.quarkus..",
                    "io.vertx..",
                    "io.smallrye..",
                    "io.netty..",
                    "io.micrometer..",
                    "jakarta..",
                    "javax..",
                    "java.sql..",
                    "org.eclipse.microprofile..",
                    "org.jboss..",
                    "org.hibernate..",
                    "org.flywaydb..",
                    "org.postgresql..",
                    "io.zonky..")
            .because("core is the pure computational kernel (DESIGN section 3)");

    @ArchTest
    static final ArchRule core_does_not_reach_into_features = noClasses()
            .that()
            .resideInAPackage("dev.vcportfolio.core..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("dev.vcportfolio.core..", "java..", "com.google.ortools..", "io.airlift..")
            .because("core depends only on the JDK and the pure libraries chosen for it");
}
