package dev.vcportfolio.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test (META-INF/services, junit-platform.properties): RestAssured's default request carries
 * {@link TestTokens#TOKEN}, so the tests written before access control keep testing what they test. A test that needs
 * another token or none sets {@code RestAssured.requestSpecification} itself in its own {@code @BeforeEach}.
 *
 * <p>Quarkus may load a test class, and so RestAssured, in its own class loader: the default is set through the test
 * class's loader, and through this one.
 */
public final class ApiTokenExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        install(ApiTokenExtension.class.getClassLoader());
        ClassLoader testLoader = context.getRequiredTestClass().getClassLoader();
        if (testLoader != ApiTokenExtension.class.getClassLoader()) {
            install(testLoader);
        }
    }

    private static void install(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> builderType;
        try {
            builderType = loader.loadClass("io.restassured.builder.RequestSpecBuilder");
        } catch (ClassNotFoundException e) {
            return;
        }
        Object builder = builderType.getConstructor().newInstance();
        builderType
                .getMethod("addHeader", String.class, String.class)
                .invoke(builder, TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN));
        Object spec = builderType.getMethod("build").invoke(builder);
        loader.loadClass("io.restassured.RestAssured")
                .getField("requestSpecification")
                .set(null, spec);
    }
}
