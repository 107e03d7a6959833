package dev.vcportfolio.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests under {@code k8s/} hold what the service needs: probes on its health endpoints, its HTTP port, only
 * environment names it reads, a restricted security context, and a termination grace the outbox fits in. Values come
 * from the service's own configuration (see {@link ServiceSettings}), so a changed port or grace fails here.
 */
class KubernetesManifestsTest {

    /** Names the service does not read yet, each with the work that will read it. */
    static final Map<String, String> PENDING = Map.of();

    /** OutboxWorker.stop() waits this long for its release of unfinished jobs after the grace period. */
    static final Duration OUTBOX_RELEASE_WAIT = Duration.ofSeconds(5);

    static final ServiceSettings SERVICE = ServiceSettings.read();

    @ParameterizedTest
    @MethodSource("dev.vcportfolio.deploy.KubernetesManifests#manifestFiles")
    void every_manifest_parses_into_the_kubernetes_model_without_unknown_fields(Path file) throws IOException {
        // when
        KubernetesManifests manifests = KubernetesManifests.rendered(Files.readString(file), file.toString());

        // then
        assertThat(manifests.all(io.fabric8.kubernetes.api.model.HasMetadata.class))
                .isNotEmpty();
    }

    @Test
    void a_misspelled_field_is_refused() {
        // given
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec: {selectr: {app: x}}
                """;

        // when / then
        assertThatThrownBy(() -> KubernetesManifests.rendered(yaml, "test"))
                .hasMessageContaining("Service.spec.selectr");
    }

    @Test
    void probes_point_at_the_health_endpoints_on_the_http_port() {
        // given
        KubernetesManifests base = KubernetesManifests.folder(KubernetesManifests.BASE);

        // then
        checkProbesAndPorts(base);
    }

    @Test
    void every_environment_name_is_one_the_service_reads() {
        // given
        KubernetesManifests base = KubernetesManifests.folder(KubernetesManifests.BASE);

        // then
        checkEnvironment(base);
    }

    @Test
    void the_environment_check_refuses_a_name_the_service_does_not_read() {
        // then: the derivation found the real settings, and a typo is not among them
        assertThat(SERVICE.reads("APP_OUTBOX_SHUTDOWN_GRACE")).isTrue();
        assertThat(SERVICE.reads("APP_COMPUTE_THREADS")).isTrue();
        assertThat(SERVICE.reads("DB_URL")).isTrue();
        assertThat(SERVICE.reads("DB_POOL_SIZE")).isTrue();
        assertThat(SERVICE.reads("DB_OWNER_USER")).isTrue();
        assertThat(SERVICE.reads("DB_OWNER_PASSWORD")).isTrue();
        assertThat(SERVICE.reads("APP_OUTBOX_CONCURENCY")).isFalse();
        assertThat(SERVICE.reads("DATABASE_URL")).isFalse();
    }

    @Test
    void pod_and_container_run_restricted() {
        // given
        KubernetesManifests base = KubernetesManifests.folder(KubernetesManifests.BASE);

        // then
        checkSecurity(base);
    }

    @Test
    void termination_grace_outlasts_the_shutdown_of_requests_and_outbox_jobs() {
        // given
        KubernetesManifests base = KubernetesManifests.folder(KubernetesManifests.BASE);

        // then
        checkGrace(base);
    }

    @Test
    void replicas_autoscaler_disruption_budget_and_service_select_the_same_pods() {
        // given
        KubernetesManifests base = KubernetesManifests.folder(KubernetesManifests.BASE);
        Deployment deployment = base.one(Deployment.class);
        Map<String, String> podLabels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();

        // then
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isNotEmpty();
        assertThat(podLabels)
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(podLabels)
                .containsAllEntriesOf(base.one(Service.class).getSpec().getSelector());
        PodDisruptionBudget budget = base.one(PodDisruptionBudget.class);
        assertThat(podLabels)
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMaxUnavailable()).as("one pod at a time").isEqualTo(new IntOrString(1));
        HorizontalPodAutoscaler autoscaler = base.one(HorizontalPodAutoscaler.class);
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName())
                .isEqualTo(deployment.getMetadata().getName());
        assertThat(autoscaler.getSpec().getMinReplicas())
                .isEqualTo(deployment.getSpec().getReplicas());
        assertThat(autoscaler.getSpec().getMaxReplicas())
                .isGreaterThan(autoscaler.getSpec().getMinReplicas());
        Map<String, String> annotations =
                deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/q/metrics")
                .containsEntry("prometheus.io/port", Integer.toString(httpPort(base)));
    }

    @Test
    void the_secret_template_holds_placeholders_only() {
        // given
        Secret secret = KubernetesManifests.folder(KubernetesManifests.BASE).one(Secret.class);

        // then
        assertThat(secret.getData()).as("no encoded values in the template").isNullOrEmpty();
        assertThat(secret.getStringData())
                .containsKeys("DB_USER", "DB_PASSWORD", "DB_OWNER_USER", "DB_OWNER_PASSWORD", "APP_AUTH_TOKENS")
                .hasEntrySatisfying("DB_PASSWORD", value -> assertThat(value).contains("CHANGE-ME"))
                .hasEntrySatisfying(
                        "DB_OWNER_PASSWORD", value -> assertThat(value).contains("CHANGE-ME"))
                .hasEntrySatisfying(
                        "APP_AUTH_TOKENS", value -> assertThat(value).contains("CHANGE-ME"));
    }

    @Test
    void every_kustomization_lists_every_file_of_its_folder() throws IOException {
        for (Path kustomization : Kustomizations.all()) {
            // given
            Path folder = kustomization.getParent();
            JsonNode spec = KubernetesManifests.YAML.readTree(kustomization.toFile());

            // when
            Set<String> listed = Kustomizations.listedFiles(spec);
            Set<String> present = Kustomizations.manifestsIn(folder);

            // then
            assertThat(listed).as("files listed by " + kustomization).containsExactlyInAnyOrderElementsOf(present);
            for (String directory : Kustomizations.listedFolders(spec)) {
                assertThat(folder.resolve(directory).resolve("kustomization.yaml"))
                        .as(kustomization + " resource " + directory)
                        .isRegularFile();
            }
            for (String source : Kustomizations.generatorSources(spec)) {
                Path file = folder.resolve(source);
                assertThat(Files.isRegularFile(file) || Files.isRegularFile(Path.of(file + ".example")))
                        .as(kustomization + ": generator source " + source + " or its .example")
                        .isTrue();
            }
        }
    }

    @Test
    void rendered_base_and_production_overlay_keep_every_guarantee() throws Exception {
        for (Path folder : Kustomizations.renderable()) {
            // when
            KubernetesManifests rendered = Kustomizations.render(folder);

            // then
            checkProbesAndPorts(rendered);
            checkEnvironment(rendered);
            checkSecurity(rendered);
            checkGrace(rendered);
            assertThat(rendered.container().getImage()).as(folder + " image").doesNotEndWith(":latest");
        }
    }

    static void checkProbesAndPorts(KubernetesManifests manifests) {
        Container container = manifests.container();
        int port = httpPort(manifests);
        assertThat(container.getPorts()).hasSize(1);
        assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
        assertThat(container.getPorts().get(0).getContainerPort())
                .as("containerPort = quarkus.http.port as the service resolves it")
                .isEqualTo(port);
        String health = healthRoot();
        checkProbe(container.getStartupProbe(), health + "/started", port);
        checkProbe(container.getLivenessProbe(), health + "/live", port);
        checkProbe(container.getReadinessProbe(), health + "/ready", port);
        IntOrString target =
                manifests.one(Service.class).getSpec().getPorts().get(0).getTargetPort();
        assertThat(target.getIntVal() != null ? target.getIntVal().toString() : target.getStrVal())
                .as("Service targetPort")
                .isIn("http", Integer.toString(port));
    }

    static void checkEnvironment(KubernetesManifests manifests) {
        Map<String, String> environment = manifests.environment();
        assertThat(environment)
                .as("a configured database, never a per-pod embedded one")
                .containsKey("DB_URL");
        assertThat(environment.keySet())
                .allSatisfy(name -> assertThat(SERVICE.reads(name) || PENDING.containsKey(name))
                        .as("%s maps to a setting the service reads", name)
                        .isTrue())
                .noneMatch(name -> name.startsWith("APP_EMBEDDED_DB_"));
    }

    static void checkSecurity(KubernetesManifests manifests) {
        PodSpec pod = manifests.one(Deployment.class).getSpec().getTemplate().getSpec();
        Container container = manifests.container();
        SecurityContext security = container.getSecurityContext();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(security.getCapabilities().getDrop()).contains("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        // The read-only root leaves /tmp as the only writable place: uploads and OR-Tools' libraries go there.
        String tmpVolume = container.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals("/tmp"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume at /tmp"))
                .getName();
        assertThat(pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)))
                .singleElement()
                .extracting(Volume::getEmptyDir)
                .isNotNull();
        assertThat(SERVICE.fileValue("quarkus.http.body.uploads-directory"))
                .hasValueSatisfying(dir -> assertThat(dir).startsWith("${java.io.tmpdir}"));
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        for (String resource : new String[] {"cpu", "memory"}) {
            assertThat(requests).containsKey(resource);
            assertThat(limits).containsKey(resource);
            assertThat(requests.get(resource).getNumericalAmount())
                    .as(resource + " request <= limit")
                    .isLessThanOrEqualTo(limits.get(resource).getNumericalAmount());
        }
    }

    static void checkGrace(KubernetesManifests manifests) {
        PodSpec pod = manifests.one(Deployment.class).getSpec().getTemplate().getSpec();
        Map<String, String> environment = manifests.environment();
        Duration preStop = java.util.Optional.ofNullable(manifests.container().getLifecycle())
                .map(lifecycle -> lifecycle.getPreStop())
                .map(handler -> handler.getSleep())
                .map(sleep -> Duration.ofSeconds(sleep.getSeconds()))
                .orElse(Duration.ZERO);
        Duration requests = SERVICE.effectiveDuration("quarkus.shutdown.timeout", environment);
        Duration outbox = SERVICE.effectiveDuration("app.outbox.shutdown-grace", environment);
        Duration needed = preStop.plus(requests).plus(outbox).plus(OUTBOX_RELEASE_WAIT);
        assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
                .as(
                        "terminationGracePeriodSeconds > preStop %s + shutdown timeout %s + outbox grace %s + release %s",
                        preStop, requests, outbox, OUTBOX_RELEASE_WAIT)
                .isGreaterThan(needed);
    }

    private static void checkProbe(Probe probe, String path, int port) {
        assertThat(probe).as("probe for " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        IntOrString probePort = probe.getHttpGet().getPort();
        assertThat(probePort.getIntVal() != null ? probePort.getIntVal().toString() : probePort.getStrVal())
                .as(path + " probe port")
                .isIn("http", Integer.toString(port));
    }

    /** The HTTP port the service listens on with this environment (quarkus.http.port, e.g. {@code ${PORT:8080}}). */
    static int httpPort(KubernetesManifests manifests) {
        return SERVICE.effective("quarkus.http.port", manifests.environment())
                .map(Integer::parseInt)
                .orElse(8080);
    }

    /** SmallRye Health's endpoints: {@code /q/health} unless the service moved them. */
    static String healthRoot() {
        Function<String, Boolean> set = key -> SERVICE.fileValue(key).isPresent();
        assertThat(set.apply("quarkus.http.root-path"))
                .as("quarkus.http.root-path is set")
                .isFalse();
        assertThat(set.apply("quarkus.http.non-application-root-path"))
                .as("quarkus.http.non-application-root-path is set")
                .isFalse();
        assertThat(set.apply("quarkus.smallrye-health.root-path"))
                .as("quarkus.smallrye-health.root-path is set")
                .isFalse();
        return "/q/health";
    }
}
