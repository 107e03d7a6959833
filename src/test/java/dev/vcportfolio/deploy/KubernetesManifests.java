package dev.vcportfolio.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The manifests under {@code k8s/}, read into the fabric8 Kubernetes model. Every kind the project ships has a model
 * class here; a document of another kind, or with a field the model does not know (a misspelled {@code
 * readinesProbe}), is an error rather than something silently ignored.
 */
public final class KubernetesManifests {

    public static final Path ROOT = Path.of("k8s");
    public static final Path BASE = ROOT.resolve("base");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private final List<HasMetadata> resources;

    private KubernetesManifests(List<HasMetadata> resources) {
        this.resources = List.copyOf(resources);
    }

    /** The resources of one folder's own files (a kustomize base, or an overlay's patches). */
    public static KubernetesManifests folder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<HasMetadata> resources = new ArrayList<>();
            for (Path file :
                    files.filter(KubernetesManifests::isManifest).sorted().toList()) {
                resources.addAll(parse(Files.readString(file), file.toString()));
            }
            return new KubernetesManifests(resources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources of a multi-document YAML stream, e.g. {@code kubectl kustomize} output. */
    public static KubernetesManifests rendered(String yaml, String source) {
        return new KubernetesManifests(parse(yaml, source));
    }

    /** Every manifest file under {@code k8s/}, kustomization files excepted. */
    public static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(KubernetesManifests::isManifest).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file)
                && (name.endsWith(".yaml") || name.endsWith(".yml"))
                && !name.startsWith("kustomization.");
    }

    static List<HasMetadata> parse(String yaml, String source) {
        try {
            List<HasMetadata> resources = new ArrayList<>();
            for (JsonNode document :
                    YAML.readValues(YAML.createParser(yaml), JsonNode.class).readAll()) {
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String type = document.path("apiVersion").asText() + "/"
                        + document.path("kind").asText();
                Class<? extends HasMetadata> model = MODELS.get(type);
                if (model == null) {
                    throw new IllegalArgumentException(source + ": no model for " + type + " (add it to MODELS)");
                }
                HasMetadata resource = YAML.treeToValue(document, model);
                List<String> unknown = new ArrayList<>();
                unknownFields(resource, type, unknown);
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException(
                            source + ": fields the Kubernetes model does not know: " + unknown);
                }
                resources.add(resource);
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": not valid YAML", e);
        }
    }

    public <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public <T extends HasMetadata> T one(Class<T> kind) {
        List<T> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    public Container container() {
        List<Container> containers =
                one(Deployment.class).getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError("expected one container, found " + containers.size());
        }
        return containers.get(0);
    }

    /**
     * The environment the container gets: its {@code env} values and every key of the ConfigMaps and Secrets it
     * names in {@code envFrom}, resolved against this set of resources (later sources win, as in Kubernetes).
     */
    public Map<String, String> environment() {
        Container container = container();
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                environment.putAll(configMap(source.getConfigMapRef().getName()));
            }
            if (source.getSecretRef() != null) {
                environment.putAll(secret(source.getSecretRef().getName()));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            environment.put(
                    variable.getName(), Optional.ofNullable(variable.getValue()).orElse(""));
        }
        return environment;
    }

    private Map<String, String> configMap(String name) {
        return all(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals(name))
                .findFirst()
                .map(ConfigMap::getData)
                .orElseThrow(() -> new AssertionError("envFrom names a ConfigMap that is not there: " + name));
    }

    private Map<String, String> secret(String name) {
        Secret secret = all(Secret.class).stream()
                .filter(s -> s.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("envFrom names a Secret that is not there: " + name));
        Map<String, String> values = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData()
                    .forEach((key, base64) -> values.put(
                            key,
                            new String(
                                    java.util.Base64.getDecoder().decode(base64),
                                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }

    /** Collects the paths of values that landed in a model object's {@code additionalProperties}. */
    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(key -> unknown.add(path + "." + key));
                    }
                } else {
                    unknownFields(fieldValue, path + "." + field.getName(), unknown);
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
