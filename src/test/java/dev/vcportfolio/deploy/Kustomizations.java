package dev.vcportfolio.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The kustomization files under {@code k8s/}: what they list, and what {@code kubectl kustomize} makes of them. */
final class Kustomizations {

    private Kustomizations() {}

    static List<Path> all() {
        try (Stream<Path> files = Files.walk(KubernetesManifests.ROOT)) {
            return files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base and every overlay. */
    static List<Path> renderable() {
        return all().stream().map(Path::getParent).toList();
    }

    /** Files named by resources and patches (not folders, not generator sources). */
    static Set<String> listedFiles(JsonNode kustomization) {
        Set<String> files = new TreeSet<>();
        kustomization.path("resources").forEach(entry -> {
            if (isFile(entry.asText())) {
                files.add(entry.asText());
            }
        });
        kustomization.path("patches").forEach(patch -> {
            if (patch.has("path")) {
                files.add(patch.path("path").asText());
            }
        });
        kustomization.path("patchesStrategicMerge").forEach(entry -> files.add(entry.asText()));
        kustomization
                .path("patchesJson6902")
                .forEach(patch -> files.add(patch.path("path").asText()));
        return files;
    }

    static Set<String> listedFolders(JsonNode kustomization) {
        Set<String> folders = new TreeSet<>();
        kustomization.path("resources").forEach(entry -> {
            if (!isFile(entry.asText())) {
                folders.add(entry.asText());
            }
        });
        return folders;
    }

    /** The env and file sources of configMapGenerator and secretGenerator entries. */
    static Set<String> generatorSources(JsonNode kustomization) {
        Set<String> sources = new TreeSet<>();
        for (String generator : new String[] {"configMapGenerator", "secretGenerator"}) {
            kustomization.path(generator).forEach(entry -> {
                entry.path("envs").forEach(env -> sources.add(env.asText()));
                entry.path("files").forEach(file -> {
                    String text = file.asText();
                    sources.add(text.contains("=") ? text.substring(text.indexOf('=') + 1) : text);
                });
            });
        }
        return sources;
    }

    static Set<String> manifestsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> names = new TreeSet<>();
            files.filter(KubernetesManifests::isManifest)
                    .forEach(file -> names.add(file.getFileName().toString()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders a kustomization with {@code kubectl kustomize} on a copy of {@code k8s/} in which every missing generator
     * source is filled from its {@code .example}. Skipped (not failed) where kubectl is not installed.
     */
    static KubernetesManifests render(Path folder) throws IOException, InterruptedException {
        Assumptions.assumeTrue(kubectlAvailable(), "kubectl is not installed: rendering not checked");
        Path copy = Files.createTempDirectory("k8s-render");
        copyTree(KubernetesManifests.ROOT, copy);
        Path target = copy.resolve(KubernetesManifests.ROOT.relativize(folder));
        Process process = new ProcessBuilder("kubectl", "kustomize", target.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + folder + " failed:\n" + output);
        }
        return KubernetesManifests.rendered(output, "kubectl kustomize " + folder);
    }

    private static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> examples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                    if (destination.getFileName().toString().endsWith(".example")) {
                        examples.add(destination);
                    }
                }
            }
        }
        for (Path example : examples) {
            String name = example.getFileName().toString();
            Path real = example.resolveSibling(name.substring(0, name.length() - ".example".length()));
            if (!Files.exists(real)) {
                Files.copy(example, real);
            }
        }
    }

    private static boolean isFile(String entry) {
        return entry.endsWith(".yaml") || entry.endsWith(".yml") || entry.endsWith(".json");
    }
}
