package dev.vcportfolio.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.client.ApiClient;
import dev.vcportfolio.client.ApiException;
import dev.vcportfolio.client.api.OptimizationSessionsApi;
import dev.vcportfolio.client.api.ScenarioMatricesApi;
import dev.vcportfolio.client.model.AllocationRow;
import dev.vcportfolio.client.model.ConstraintsRequest;
import dev.vcportfolio.client.model.FollowOnMode;
import dev.vcportfolio.client.model.FollowOnRequest;
import dev.vcportfolio.client.model.FundTimelineRequest;
import dev.vcportfolio.client.model.GenerationBucketRequest;
import dev.vcportfolio.client.model.MatrixView;
import dev.vcportfolio.client.model.ReserveOptionRequest;
import dev.vcportfolio.client.model.RowView;
import dev.vcportfolio.client.model.SessionAccepted;
import dev.vcportfolio.client.model.SessionRequest;
import dev.vcportfolio.client.model.SessionResultView;
import dev.vcportfolio.client.model.SessionStatusView;
import dev.vcportfolio.client.model.SimModel;
import dev.vcportfolio.client.model.Stage;
import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.SharedDatabase;
import dev.vcportfolio.support.TestDatabase;
import dev.vcportfolio.support.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java client generated at build time from the checked-in {@code openapi/openapi.yaml} runs a whole session
 * against the packaged service: if the document disagreed with the service, this would fail to compile or to run.
 */
@ExtendWith(SharedDatabase.class)
class ClientSessionIT {

    /**
     * Generous: the service starts and a session finishes in seconds. The bound only turns one that never does into a
     * failure.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @Test
    void the_generated_client_requests_polls_and_reads_a_result() throws Exception {
        DatabaseTarget database = TestDatabase.createDatabase("client_session");
        try (ServiceProcess service = ServiceProcess.launch(
                "client-session",
                Map.of(
                        "DB_URL", database.reactiveUrl(),
                        "DB_USER", database.user(),
                        "DB_PASSWORD", database.password()))) {
            service.awaitReady(TIMEOUT);
            ApiClient client = new ApiClient();
            client.updateBaseUri(service.uri("/").toString().replaceAll("/$", ""));
            client.setRequestInterceptor(
                    request -> request.header(TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN)));
            var api = new OptimizationSessionsApi(client);

            // when
            SessionAccepted accepted = api.requestOptimization(request(), "client-it-1");
            SessionStatusView status = await(api, accepted.getSessionId().toString());
            SessionResultView result =
                    api.getOptimizationResult(accepted.getSessionId().toString());

            // then
            assertThat(status.getStatus()).isEqualTo("COMPLETED");
            assertThat(status.getProgress().getPercent()).isEqualTo(100.0);
            // one row per reserve option of SaaS|Seed, one for each other bucket
            assertThat(result.getAllocation())
                    .extracting(AllocationRow::getBucketKey)
                    .containsExactlyInAnyOrder("Bio|Seed", "SaaS|Seed|lean", "SaaS|Seed|proRata", "SaaS|SeriesA");
            // whole deals: the weights and the uninvested rest make up the capital, each row whole deals
            assertThat(result.getAllocation().stream()
                                    .mapToDouble(AllocationRow::getWeight)
                                    .sum()
                            + result.getUninvested().getWeight())
                    .isCloseTo(1.0, within(1e-9));
            assertThat(result.getAllocation())
                    .allSatisfy(row -> assertThat(row.getDealCount() == 0 || row.getDealCount() >= 2)
                            .isTrue());
            assertThat(result.getAllocation())
                    .allSatisfy(row -> assertThat(row.getWeight()).isLessThanOrEqualTo(0.5 + 1e-9));
            assertThat(result.getConstraintReport()).isNotEmpty();
            assertThat(result.getValidationMetrics().getScenarios()).isEqualTo(1_000);
            // GLOP when an LP alone proved the answer (the loss limit does not bind), which takes no node
            var solver = result.getSolverMetadata();
            assertThat(solver.getBackend()).isIn("SCIP", "GLOP");
            if (solver.getBackend().equals("GLOP")) {
                assertThat(solver.getNodes()).isZero();
            }
            // E* is the solver's objective, E[M] recomputed from the matrix: equal up to rounding when pass 2 keeps E*
            assertThat(result.getPass1EStar()).isGreaterThanOrEqualTo(result.getExpectedMoic() - 1e-12);

            // and the LPs' view: 2 % for 3 years and 1.5 % for 5 of 80M leave 69.2M to invest, net below gross
            var fund = result.getFundMetrics();
            assertThat(fund.getTotalFees()).isCloseTo(10.8e6, within(1e-3));
            assertThat(fund.getInvestableCapital()).isCloseTo(69.2e6, within(1e-3));
            assertThat(result.getUninvested().getDollars())
                    .isCloseTo(result.getUninvested().getWeight() * 69.2e6, within(1e-3));
            assertThat(fund.getNetTvpi().getMean())
                    .isLessThan(fund.getGrossMultiple().getMean());
            assertThat(fund.getjCurve()).hasSize(8 + 1 + 1);
            assertThat(result.getValidationMetrics()
                            .getFundMetrics()
                            .getNetIrr()
                            .getUndefinedShare())
                    .isBetween(0.0, 1.0);

            // and the session's round-by-round matrices read back typed: rows, MOIC and cash flows agree
            var matrices = new ScenarioMatricesApi(client);
            MatrixView matrix = matrices.getMatrix(status.getMatrixKey());
            assertThat(matrix.getSource()).isEqualTo("round_by_round_v1");
            assertThat(matrix.getYearCount()).isEqualTo(8 + 1 + 2);
            RowView fixed = matrix.getRows().stream()
                    .filter(row -> row.getKey().equals("SaaS|SeriesA"))
                    .findFirst()
                    .orElseThrow();
            // a fixed 0.5x follow-on in at most one round, within a 1x reserve
            assertThat(fixed.getReserveDeployment()).isBetween(0.0, 0.5 + 1e-9);
            assertThat(matrix.getRows())
                    .allSatisfy(row -> assertThat(row.getMeanOwnershipAtExit()).isBetween(0.0, 1.0));
            var moic = matrices.getMatrixValues(status.getMatrixKey());
            var flows = matrices.getMatrixCashflows(status.getMatrixKey());
            assertThat(flows.getRowKeys()).isEqualTo(moic.getBucketKeys());
            for (int row = 0; row < moic.getMoic().size(); row++) {
                for (int s = 0; s < 600; s += 97) {
                    double sum = flows.getCashflows().get(row).get(s).stream()
                            .mapToDouble(Double::doubleValue)
                            .sum();
                    assertThat(sum).isCloseTo(moic.getMoic().get(row).get(s) - 1.0, within(1e-5));
                }
            }

            // and the idempotent replay and an error come back typed too
            assertThat(api.requestOptimization(request(), "client-it-1").getSessionId())
                    .isEqualTo(accepted.getSessionId());
            try {
                api.getOptimizationStatus(UUID.randomUUID().toString());
                throw new AssertionError("an unknown session must be a 404");
            } catch (ApiException e) {
                assertThat(e.getCode()).isEqualTo(404);
                assertThat(e.getResponseBody()).contains("\"status\":404");
            }
        }
    }

    private static SessionRequest request() {
        return new SessionRequest()
                .fundId(TestTokens.FUNDS.getFirst())
                .fundSize(80_000_000.0)
                .simModel(SimModel.ROUND_BY_ROUND_V1)
                .fund(new FundTimelineRequest()
                        .investmentPeriodYears(3.0)
                        .termYears(8)
                        .extensionYears(1))
                .buckets(List.of(
                        bucket("SaaS", Stage.SEED, 1_000_000)
                                .reserveOptions(List.of(
                                        new ReserveOptionRequest()
                                                .name("proRata")
                                                .reserveRatio(1.5),
                                        new ReserveOptionRequest()
                                                .name("lean")
                                                .reserveRatio(0.5)
                                                .followOn(new FollowOnRequest().participation(0.5)))),
                        bucket("SaaS", Stage.SERIES_A, 3_000_000)
                                .entryValuation(30_000_000.0)
                                .followOn(new FollowOnRequest()
                                        .mode(FollowOnMode.FIXED)
                                        .multiple(0.5)
                                        .rounds(1)),
                        bucket("Bio", Stage.SEED, 1_500_000)))
                .scenarioCount(600)
                .constraints(new ConstraintsRequest()
                        .bucketMaxWeight(0.5)
                        .maxLossProbability(0.5)
                        .minDealsPerBucket(2))
                .validationScenarios(1_000);
    }

    private static GenerationBucketRequest bucket(String sector, Stage stage, double check) {
        return new GenerationBucketRequest()
                .sector(sector)
                .stage(stage)
                .initialCheck(check)
                .reserveRatio(1.0);
    }

    private static SessionStatusView await(OptimizationSessionsApi api, String id) {
        return Await.atMost(TIMEOUT, "session " + id + " to finish")
                .until(
                        () -> api.getOptimizationStatus(id),
                        status -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(status.getStatus()));
    }
}
