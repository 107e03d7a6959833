package dev.vcportfolio.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test (META-INF/services, junit-platform.properties): a global RestAssured filter gives every
 * request without an Authorization header {@link TestTokens#TOKEN}'s, so the tests written before access control keep
 * testing what they test. A request whose Authorization is {@link TestTokens#NO_TOKEN} goes without one.
 *
 * <p>A filter rather than {@code RestAssured.requestSpecification}: a built specification would pin the port it saw
 * when built, and Quarkus sets the port after this callback. Quarkus may load a test class, and so RestAssured, in its
 * own class loader: the filter is a proxy of that loader's Filter interface, installed once per loader.
 */
public final class ApiTokenExtension implements BeforeEachCallback {

    private static final String MARKER = "vcportfolio.test-token-filter";

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        install(ApiTokenExtension.class.getClassLoader());
        install(context.getRequiredTestClass().getClassLoader());
    }

    private static synchronized void install(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> restAssured;
        Class<?> filterType;
        try {
            restAssured = loader.loadClass("io.restassured.RestAssured");
            filterType = loader.loadClass("io.restassured.filter.Filter");
        } catch (ClassNotFoundException e) {
            return;
        }
        List<?> installed = (List<?>) restAssured.getMethod("filters").invoke(null);
        if (installed.stream().anyMatch(f -> f.toString().equals(MARKER))) {
            return;
        }
        Object filter = Proxy.newProxyInstance(loader, new Class<?>[] {filterType}, new TokenFilter());
        restAssured.getMethod("filters", List.class).invoke(null, List.of(filter));
    }

    /** filter(FilterableRequestSpecification, FilterableResponseSpecification, FilterContext), by reflection. */
    private static final class TokenFilter implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "toString" -> {
                    return MARKER;
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                default -> {
                    // the filter method
                }
            }
            Object request = args[0];
            Object headers = request.getClass().getMethod("getHeaders").invoke(request);
            Object value =
                    headers.getClass().getMethod("getValue", String.class).invoke(headers, TestTokens.AUTHORIZATION);
            Method removeHeader = find(request.getClass(), "removeHeader", String.class);
            if (value == null) {
                find(request.getClass(), "header", String.class, Object.class, Object[].class)
                        .invoke(request, TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN), new Object[0]);
            } else if (TestTokens.NO_TOKEN.equals(value)) {
                removeHeader.invoke(request, TestTokens.AUTHORIZATION);
            }
            Object context = args[2];
            return find(context.getClass(), "next", method.getParameterTypes()[0], method.getParameterTypes()[1])
                    .invoke(context, args[0], args[1]);
        }

        private static Method find(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
            for (Class<?> face : allInterfaces(type)) {
                try {
                    return face.getMethod(name, parameters);
                } catch (NoSuchMethodException e) {
                    // try the next
                }
            }
            return type.getMethod(name, parameters);
        }

        private static List<Class<?>> allInterfaces(Class<?> type) {
            List<Class<?>> faces = new java.util.ArrayList<>();
            for (Class<?> t = type; t != null; t = t.getSuperclass()) {
                for (Class<?> face : t.getInterfaces()) {
                    faces.add(face);
                    faces.addAll(allInterfaces(face));
                }
            }
            return faces;
        }
    }
}
