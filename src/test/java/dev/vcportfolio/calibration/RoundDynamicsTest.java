package dev.vcportfolio.calibration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vcportfolio.support.Sql;
import dev.vcportfolio.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calibration v2 fields through the real stack: stored and read back as sent, Seed's omitted step-up and dilution
 * stored as 1 and 0, every broken rule a 400 naming its field with nothing written, and the shipped
 * {@code industry-benchmark-v2} readable by every token.
 */
@QuarkusTest
class RoundDynamicsTest {

    private static final List<String> STAGES = List.of("Seed", "SeriesA", "SeriesB", "SeriesC");
    private static final double[] STEP_UP_MEDIANS = {1.5, 2.0, 2.5, 3.0};
    private static final double[] DILUTIONS = {0.2, 0.18, 0.16, 0.15};

    @Inject
    Pool pool;

    @Test
    void round_dynamics_round_trip() {
        // given
        String version = fresh("rd-trip");
        ObjectNode body = calibration(version);

        // when
        Response created = post(body);

        // then
        created.then()
                .statusCode(201)
                .body("roundDynamics.SeriesA.yearsToNextRound.median", equalTo(1.5f))
                .body("roundDynamics.SeriesA.yearsToNextRound.p90", equalTo(4.0f))
                .body("roundDynamics.SeriesB.stepUp.median", equalTo(2.5f))
                .body("roundDynamics.SeriesB.stepUp.p90", equalTo(6.0f))
                .body("roundDynamics.SeriesC.dilution", equalTo(0.15f))
                .body("roundDynamics.SeriesC.entryPostMoney", equalTo(4.0e8f));
        given().get("/api/calibrations/" + version)
                .then()
                .statusCode(200)
                .body("roundDynamics.Seed.entryPostMoney", equalTo(1.0e8f))
                .body("roundDynamics.Seed.stepUp.median", equalTo(1.5f))
                .body("roundDynamics.Seed.dilution", equalTo(0.2f))
                .body("roundDynamics.SeriesC.stepUp.p90", equalTo(6.0f));
    }

    @Test
    void seed_may_omit_step_up_and_dilution_which_are_stored_as_one_and_zero() {
        // given
        String version = fresh("rd-seed");
        ObjectNode body = calibration(version);
        ObjectNode seed = (ObjectNode) body.get("roundDynamics").get("Seed");
        seed.remove("stepUp");
        seed.remove("dilution");

        // when
        Response created = post(body);

        // then
        created.then().statusCode(201);
        given().get("/api/calibrations/" + version)
                .then()
                .statusCode(200)
                .body("roundDynamics.Seed.stepUp.median", equalTo(1.0f))
                .body("roundDynamics.Seed.stepUp.p90", equalTo(1.0f))
                .body("roundDynamics.Seed.dilution", equalTo(0.0f))
                .body("roundDynamics.Seed.yearsToNextRound.median", equalTo(1.5f));
        assertThat(Sql.column(
                                pool,
                                "SELECT round_dynamics #>> '{Seed,stepUp,p90}' FROM calibration_snapshots"
                                        + " WHERE version = $1",
                                version)
                        .stream()
                        .map(Double::parseDouble))
                .containsExactly(1.0);
    }

    @Test
    void a_calibration_without_round_dynamics_shows_none() {
        // given
        String version = fresh("rd-none");
        ObjectNode body = calibration(version);
        body.remove("roundDynamics");

        // when
        Response created = post(body);

        // then
        created.then().statusCode(201).body("roundDynamics", nullValue());
        given().get("/api/calibrations/" + version).then().statusCode(200).body("roundDynamics", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void each_broken_rule_is_a_400_naming_its_field_and_writes_nothing(
            String field, String message, Consumer<ObjectNode> breakIt) {
        // given
        String version = fresh("rd-bad");
        ObjectNode body = calibration(version);
        breakIt.accept((ObjectNode) body.get("roundDynamics"));
        long before = Sql.count(pool, "calibration_snapshots");

        // when
        Response response = post(body);

        // then
        response.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", equalTo(message));
        assertThat(Sql.count(pool, "calibration_snapshots")).isEqualTo(before);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken(
                        "roundDynamics.SeriesA.stepUp.p90",
                        "must be >= median",
                        d -> law(d, "SeriesA", "stepUp").put("p90", 1.0)),
                broken(
                        "roundDynamics.SeriesB.yearsToNextRound.p90",
                        "must be >= median",
                        d -> law(d, "SeriesB", "yearsToNextRound").put("p90", 1.0)),
                broken(
                        "roundDynamics.SeriesB.dilution",
                        "must lie in [0, 0.9]",
                        d -> stage(d, "SeriesB").put("dilution", 0.95)),
                broken(
                        "roundDynamics.SeriesC.dilution",
                        "must lie in [0, 0.9]",
                        d -> stage(d, "SeriesC").put("dilution", -0.1)),
                broken(
                        "roundDynamics.SeriesA.stepUp.median",
                        "must be greater than 0",
                        d -> law(d, "SeriesA", "stepUp").put("median", 0.0)),
                broken(
                        "roundDynamics.Seed.yearsToNextRound.median",
                        "must be greater than 0",
                        d -> law(d, "Seed", "yearsToNextRound").put("median", -1.0)),
                broken(
                        "roundDynamics.SeriesC.yearsToNextRound.median",
                        "must be at most 20",
                        d -> law(d, "SeriesC", "yearsToNextRound")
                                .put("median", 21.0)
                                .put("p90", 30.0)),
                broken(
                        "roundDynamics.SeriesA.yearsToNextRound.p90",
                        "must be at most 50",
                        d -> law(d, "SeriesA", "yearsToNextRound").put("p90", 60.0)),
                broken(
                        "roundDynamics.SeriesB.stepUp.p90",
                        "must be at most 100",
                        d -> law(d, "SeriesB", "stepUp").put("p90", 150.0)),
                broken(
                        "roundDynamics.SeriesA.entryPostMoney",
                        "must be greater than 0",
                        d -> stage(d, "SeriesA").put("entryPostMoney", 0.0)),
                broken(
                        "roundDynamics.SeriesB.entryPostMoney",
                        "must be less than or equal to 1e12",
                        d -> stage(d, "SeriesB").put("entryPostMoney", 2.0e12)),
                broken(
                        "roundDynamics.SeriesA.entryPostMoney",
                        "must not be null",
                        d -> stage(d, "SeriesA").remove("entryPostMoney")),
                broken(
                        "roundDynamics.SeriesB.stepUp",
                        "is required for every stage but Seed",
                        d -> stage(d, "SeriesB").remove("stepUp")),
                broken(
                        "roundDynamics.SeriesA.dilution",
                        "is required for every stage but Seed",
                        d -> stage(d, "SeriesA").remove("dilution")),
                broken(
                        "roundDynamics.SeriesC",
                        "is required for every stage when roundDynamics is given",
                        d -> d.remove("SeriesC")),
                broken(
                        "roundDynamics.SeriesA.yearsToNextRound",
                        "must not be null",
                        d -> stage(d, "SeriesA").remove("yearsToNextRound")));
    }

    @Test
    void the_shipped_benchmark_v2_is_listed_for_any_token() {
        // when
        Response listed = asOtherFund().get("/api/calibrations");

        // then
        listed.then().statusCode(200);
        assertThat(listed.jsonPath().getList("findAll { it.fundId == null }.version", String.class))
                .contains(CalibrationView.BENCHMARK_VERSION, CalibrationView.BENCHMARK_V2_VERSION);
    }

    @Test
    void the_shipped_benchmark_v2_is_readable_with_its_round_dynamics() {
        // when
        Response read = asOtherFund().get("/api/calibrations/" + CalibrationView.BENCHMARK_V2_VERSION);

        // then
        read.then()
                .statusCode(200)
                .body("fundId", nullValue())
                .body("roundDynamics.Seed.entryPostMoney", equalTo(1.92e7f))
                .body("roundDynamics.Seed.stepUp.p90", equalTo(1.0f))
                .body("roundDynamics.SeriesA.stepUp.median", equalTo(3.07f))
                .body("roundDynamics.SeriesB.dilution", equalTo(0.15f))
                .body("roundDynamics.SeriesC.yearsToNextRound.p90", equalTo(5.45f))
                .body("transitionStats.Seed.graduateRate", equalTo(0.46f))
                .body("exitOutcomes.SeriesC.p90MOIC", equalTo(11.49f));
    }

    private static RequestSpecification asOtherFund() {
        return given().header(TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.OTHER_TOKEN));
    }

    private static Arguments broken(String field, String message, Consumer<ObjectNode> breakIt) {
        return Arguments.of(field, message, breakIt);
    }

    private static ObjectNode stage(ObjectNode dynamics, String stage) {
        return (ObjectNode) dynamics.get(stage);
    }

    private static ObjectNode law(ObjectNode dynamics, String stage, String law) {
        return (ObjectNode) dynamics.get(stage).get(law);
    }

    private static Response post(ObjectNode body) {
        return given().contentType(ContentType.JSON).body(body.toString()).post("/api/calibrations");
    }

    /** A valid calibration with complete round dynamics; each stage's figures differ so a mix-up shows. */
    static ObjectNode calibration(String version) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("version", version);
        ObjectNode stats = body.putObject("transitionStats");
        ObjectNode exits = body.putObject("exitOutcomes");
        ObjectNode dynamics = body.putObject("roundDynamics");
        for (int i = 0; i < STAGES.size(); i++) {
            String stage = STAGES.get(i);
            stats.putObject(stage).put("exitRate", 0.1).put("graduateRate", 0.3).put("failureRate", 0.2);
            exits.putObject(stage).put("medianMOIC", 2).put("p90MOIC", 8);
            ObjectNode rounds = dynamics.putObject(stage);
            rounds.putObject("yearsToNextRound").put("median", 1.5).put("p90", 4.0);
            rounds.putObject("stepUp").put("median", STEP_UP_MEDIANS[i]).put("p90", 6.0);
            rounds.put("dilution", DILUTIONS[i]);
            rounds.put("entryPostMoney", 1.0e8 * (i + 1));
        }
        return body;
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
