package dev.vcportfolio.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.vcportfolio.platform.database.DatabaseBootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The native profile (pom.xml) and {@code META-INF/native-image} against the code they configure. CI cannot build the
 * native executable (README, "Native image"), so what an image build would find minutes in is checked here instead.
 */
class NativeImageConfigurationTest {

    private static final String OR_TOOLS = "com.google.ortools";
    private static final String METADATA =
            "META-INF/native-image/dev.vcportfolio/portfolio-service/reachability-metadata.json";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vcportfolio");

    private static final Map<String, String> NATIVE_PROFILE = nativeProfileProperties();

    @Test
    void the_classes_initialized_at_run_time_are_exactly_those_whose_static_initializers_reach_or_tools() {
        // given the classes of ours whose class initialization would run OR-Tools' JNI code in the image builder
        Set<String> needed = reachOrToolsWhenInitialized(MAIN);

        // when
        List<String> runTime = buildArgValues("--initialize-at-run-time");

        // then OR-Tools itself and exactly those classes are deferred to run time
        assertThat(runTime).contains(OR_TOOLS);
        Set<String> ours =
                runTime.stream().filter(name -> !name.equals(OR_TOOLS)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ours)
                .as("--initialize-at-run-time entries of the native profile besides %s", OR_TOOLS)
                .isEqualTo(needed);
        assertThat(needed).isNotEmpty();
    }

    @Test
    void the_or_tools_libraries_the_loader_unpacks_are_image_resources() {
        // given
        String includes = NATIVE_PROFILE.get("quarkus.native.resources.includes");

        // then the folder com.google.ortools.Loader copies from is on the class path and included whole
        assertThat(includes).isEqualTo("ortools-linux-x86-64/**");
        assertThat(getClass().getClassLoader().getResource("ortools-linux-x86-64/libjniortools.so"))
                .isNotNull();
    }

    @Test
    void every_exception_the_or_tools_jni_library_throws_is_registered_for_jni() throws IOException {
        // given the JDK classes OR-Tools' SWIG code looks up by name (FindClass, then ThrowNew with a message)
        Set<String> thrown = jniClassNames("ortools-linux-x86-64/libjniortools.so");

        // when
        Set<String> registered = jniRegisteredWithMessageConstructor();

        // then
        assertThat(thrown).contains("java.lang.NullPointerException");
        assertThat(registered).isEqualTo(thrown);
    }

    @Test
    void every_or_tools_wrapper_the_jni_library_creates_or_unwraps_is_registered_for_jni() throws Exception {
        // given the wrapper arrays the linear solver's native methods return (the JNI code constructs each element
        // with its (long, boolean) constructor) or take (it unwraps each with the static getCPtr)
        Class<?> jni = Class.forName(
                "com.google.ortools.linearsolver.mainJNI", false, getClass().getClassLoader());
        Set<Class<?>> wrappers = Arrays.stream(jni.getDeclaredMethods())
                .filter(method -> Modifier.isNative(method.getModifiers()))
                .flatMap(method ->
                        Stream.concat(Stream.of(method.getReturnType()), Arrays.stream(method.getParameterTypes())))
                .filter(Class::isArray)
                .map(Class::getComponentType)
                .filter(type -> type.getPackageName().startsWith(OR_TOOLS))
                .collect(Collectors.toSet());

        // when
        Map<String, Set<String>> registered = jniMethods();

        // then
        assertThat(wrappers).isNotEmpty();
        for (Class<?> wrapper : wrappers) {
            assertThat(registered.get(wrapper.getName()))
                    .as("JNI methods of %s", wrapper.getName())
                    .contains("<init>(long,boolean)", "getCPtr(" + wrapper.getName() + ")");
        }
    }

    @Test
    void the_embedded_database_is_reached_only_through_the_method_the_native_executable_replaces() throws Exception {
        // given the substitution the native executable uses instead of DatabaseBootstrap.embedded
        Class<?> substitution = Class.forName("dev.vcportfolio.platform.database.NativeDatabaseBootstrap");
        assertThat(substitution.getAnnotation(TargetClass.class).value()).isEqualTo(DatabaseBootstrap.class);

        // when
        Set<String> callers = MAIN.stream()
                .flatMap(type -> type.getAccessesFromSelf().stream())
                .filter(access -> reachesEmbeddedDatabase(access.getTargetOwner()))
                .filter(access -> !reachesEmbeddedDatabase(access.getOriginOwner()))
                .map(access -> access.getOrigin().getFullName())
                .collect(Collectors.toCollection(TreeSet::new));

        // then only that method touches the embedded server, and each substitute matches a method of its target
        assertThat(callers)
                .containsExactly(
                        "dev.vcportfolio.platform.database.DatabaseBootstrap.embedded(java.util.function.Function)");
        for (Method method : substitution.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Substitute.class)) {
                Method original =
                        DatabaseBootstrap.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
                assertThat(original.getReturnType()).isEqualTo(method.getReturnType());
                assertThat(Modifier.isStatic(original.getModifiers()))
                        .isEqualTo(Modifier.isStatic(method.getModifiers()));
            }
        }
        assertThat(Arrays.stream(substitution.getDeclaredMethods())
                        .filter(method -> method.isAnnotationPresent(Substitute.class))
                        .map(Method::getName))
                .containsExactly("embedded");
    }

    /**
     * Classes whose static initializer touches OR-Tools, or touches a class that does: initializing any of them in the
     * image builder runs JNI code that is not loaded there (an enum switch's synthetic map class reads the SWIG enum's
     * native values).
     */
    static Set<String> reachOrToolsWhenInitialized(JavaClasses classes) {
        Set<String> needed = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JavaClass type : classes) {
                if (!needed.contains(type.getName()) && staticInitializerTouches(type, needed)) {
                    needed.add(type.getName());
                    grew = true;
                }
            }
        }
        return needed;
    }

    private static boolean staticInitializerTouches(JavaClass type, Set<String> needed) {
        return type.getStaticInitializer()
                .map(initializer -> initializer.getAccessesFromSelf().stream()
                        .map(JavaAccess::getTargetOwner)
                        .anyMatch(target ->
                                target.getPackageName().startsWith(OR_TOOLS) || needed.contains(target.getName())))
                .orElse(false);
    }

    private static boolean reachesEmbeddedDatabase(JavaClass type) {
        return type.getPackageName().startsWith("io.zonky")
                || type.getName().equals("dev.vcportfolio.platform.database.EmbeddedDatabase");
    }

    /** The values of every {@code option=value1,value2} among the native profile's additional build arguments. */
    private static List<String> buildArgValues(String option) {
        // Quarkus splits the property at commas not preceded by a backslash; each piece is one argument
        return Arrays.stream(NATIVE_PROFILE
                        .get("quarkus.native.additional-build-args")
                        .split("(?<!\\\\),"))
                .map(String::strip)
                .filter(arg -> arg.startsWith(option + "="))
                .flatMap(arg -> Arrays.stream(
                        arg.substring(option.length() + 1).replace("\\,", ",").split(",")))
                .toList();
    }

    /** JDK class names in the JNI library's strings (FindClass takes slashed names). */
    private static Set<String> jniClassNames(String resource) throws IOException {
        try (InputStream in =
                NativeImageConfigurationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Matcher matcher = Pattern.compile("java/(?:lang|io)/[A-Za-z]+(?:Exception|Error)(?![A-Za-z;])")
                    .matcher(text);
            Set<String> names = new TreeSet<>();
            while (matcher.find()) {
                names.add(matcher.group().replace('/', '.'));
            }
            return names;
        }
    }

    private static Set<String> jniRegisteredWithMessageConstructor() throws IOException {
        return jniMethods().entrySet().stream()
                .filter(entry -> entry.getValue().contains("<init>(java.lang.String)"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The JNI-accessible types of the metadata, each with its methods as {@code name(parameter types)}. */
    private static Map<String, Set<String>> jniMethods() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree(Files.readString(Path.of("src/main/resources", METADATA)));
        Map<String, Set<String>> types = new TreeMap<>();
        for (JsonNode entry : metadata.path("reflection")) {
            if (entry.path("jniAccessible").asBoolean()) {
                Set<String> methods = new TreeSet<>();
                for (JsonNode method : entry.path("methods")) {
                    List<String> parameters = new ArrayList<>();
                    method.path("parameterTypes").forEach(type -> parameters.add(type.asText()));
                    methods.add(method.path("name").asText() + "(" + String.join(",", parameters) + ")");
                }
                types.put(entry.path("type").asText(), methods);
            }
        }
        return types;
    }

    private static Map<String, String> nativeProfileProperties() {
        try {
            var document = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(Path.of("pom.xml").toFile());
            NodeList profiles = document.getElementsByTagName("profile");
            for (int i = 0; i < profiles.getLength(); i++) {
                Element profile = (Element) profiles.item(i);
                if (profile.getElementsByTagName("id").item(0).getTextContent().equals("native")) {
                    Element properties =
                            (Element) profile.getElementsByTagName("properties").item(0);
                    NodeList children = properties.getChildNodes();
                    Map<String, String> values = new java.util.LinkedHashMap<>();
                    for (int j = 0; j < children.getLength(); j++) {
                        if (children.item(j) instanceof Element property) {
                            values.put(
                                    property.getTagName(),
                                    property.getTextContent().strip());
                        }
                    }
                    return values;
                }
            }
            throw new AssertionError("pom.xml has no native profile");
        } catch (Exception e) {
            throw new AssertionError("cannot read pom.xml", e);
        }
    }
}
