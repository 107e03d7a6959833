package dev.vcportfolio.deploy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.vcportfolio.platform.database.DatabaseBootstrap;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What configuration the service reads, derived from the code rather than listed by hand: the keys of
 * {@code application.properties} and the environment variables its values name, every {@code @ConfigMapping}
 * interface and {@code @ConfigProperty} injection point, and the settings {@link DatabaseBootstrap} asks for.
 */
public final class ServiceSettings {

    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private final Properties applicationProperties;
    private final Set<String> properties;
    private final Set<String> environmentReferences;
    private final Map<String, String> mappingDefaults;

    private ServiceSettings(
            Properties applicationProperties,
            Set<String> properties,
            Set<String> environmentReferences,
            Map<String, String> mappingDefaults) {
        this.applicationProperties = applicationProperties;
        this.properties = Set.copyOf(properties);
        this.environmentReferences = Set.copyOf(environmentReferences);
        this.mappingDefaults = Map.copyOf(mappingDefaults);
    }

    public static ServiceSettings read() {
        Properties file = load();
        Set<String> properties = new TreeSet<>(file.stringPropertyNames());
        Set<String> environment = new TreeSet<>();
        file.values().forEach(value -> {
            Matcher matcher = ENV_REFERENCE.matcher(value.toString());
            while (matcher.find()) {
                environment.add(matcher.group(1));
            }
        });
        Map<String, String> defaults = new HashMap<>();
        for (Class<?> type : serviceClasses()) {
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null) {
                mappingProperties(type, mapping.prefix(), properties, defaults);
            }
            configProperties(type, properties);
        }
        environment.addAll(bootstrapSettings(properties));
        return new ServiceSettings(file, properties, environment, defaults);
    }

    /** Config property names the service reads (application.properties, mappings, injection, bootstrap). */
    public Set<String> properties() {
        return properties;
    }

    /** Whether an environment variable of this name reaches a setting the service reads. */
    public boolean reads(String environmentName) {
        return environmentReferences.contains(environmentName)
                || properties.stream().anyMatch(p -> environmentName(p).equals(environmentName));
    }

    /** A raw application.properties value, if the file sets the key. */
    public Optional<String> fileValue(String property) {
        return Optional.ofNullable(applicationProperties.getProperty(property));
    }

    /**
     * The value the service ends up with for a property, given the container's environment: the property's own
     * environment spelling first, then application.properties with its {@code ${ENV:default}} expressions resolved,
     * then the {@code @WithDefault} of its mapping.
     */
    public Optional<String> effective(String property, Map<String, String> environment) {
        String direct = environment.get(environmentName(property));
        if (direct != null) {
            return Optional.of(direct);
        }
        Optional<String> fromFile = fileValue(property).map(value -> expand(value, environment));
        return fromFile.or(() -> Optional.ofNullable(mappingDefaults.get(property)));
    }

    public Duration effectiveDuration(String property, Map<String, String> environment) {
        return duration(effective(property, environment)
                .orElseThrow(() -> new AssertionError("the service has no value for " + property)));
    }

    /** SmallRye's duration syntax: ISO-8601 ({@code PT30S}), or a number with {@code ms}, {@code s}, {@code m}, {@code h}. */
    public static Duration duration(String text) {
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (value.startsWith("P")) {
            return Duration.parse(value);
        }
        if (value.endsWith("MS")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        return Duration.parse("PT" + value);
    }

    /** How Quarkus spells a property as an environment variable ({@code app.outbox.poll-interval} ↔ {@code APP_OUTBOX_POLL_INTERVAL}). */
    public static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private String expand(String value, Map<String, String> environment) {
        Matcher matcher = ENV_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = Optional.ofNullable(environment.get(matcher.group(1)))
                    .or(() -> Optional.ofNullable(matcher.group(2)))
                    .orElse("");
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Properties load() {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            file.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static List<Class<?>> serviceClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vcportfolio")) {
            classes.add(type.reflect());
        }
        return classes;
    }

    private static void mappingProperties(
            Class<?> type, String prefix, Set<String> properties, Map<String, String> defaults) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            String name = Optional.ofNullable(method.getAnnotation(WithName.class))
                    .map(WithName::value)
                    .orElseGet(() -> kebab(method.getName()));
            String property = prefix + "." + name;
            Class<?> result = method.getReturnType();
            if (result.isInterface() && result.getName().startsWith("dev.vcportfolio")) {
                mappingProperties(result, property, properties, defaults);
                continue;
            }
            properties.add(property);
            WithDefault fallback = method.getAnnotation(WithDefault.class);
            if (fallback != null) {
                defaults.put(property, fallback.value());
            }
        }
    }

    private static void configProperties(Class<?> type, Set<String> properties) {
        List<AnnotatedElement> points = new ArrayList<>(List.of(type.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (Executable executable : executables) {
            for (Parameter parameter : executable.getParameters()) {
                points.add(parameter);
            }
        }
        for (AnnotatedElement point : points) {
            ConfigProperty property = point.getAnnotation(ConfigProperty.class);
            if (property != null) {
                properties.add(property.name());
            }
        }
    }

    /** Asks DatabaseBootstrap to resolve a configured server and records what it looks up (no side effects). */
    private static Set<String> bootstrapSettings(Set<String> properties) {
        Set<String> asked = new LinkedHashSet<>();
        DatabaseBootstrap.resolve(name -> {
            asked.add(name);
            return name.equals("DB_URL") ? Optional.of("postgresql://db.example:5432/portfolio") : Optional.empty();
        });
        Set<String> environment = new TreeSet<>();
        for (String name : asked) {
            if (name.equals(name.toUpperCase(Locale.ROOT))) {
                environment.add(name);
            } else {
                properties.add(name);
            }
        }
        return environment;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
