package dev.vcportfolio.session;

import dev.vcportfolio.core.economics.FeeSchedule;
import dev.vcportfolio.core.economics.FundTerms;
import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.error.FieldViolation;
import dev.vcportfolio.core.scenario.FundTimeline;
import dev.vcportfolio.matrix.GenerationRequest;
import dev.vcportfolio.optimize.FundTermsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks of a session request that bean validation cannot express; each names its field. */
final class SessionRules {

    /** The longest session name, in characters (code points) after trimming; the column's CHECK says the same. */
    static final int MAX_NAME = 120;

    private SessionRules() {}

    static void check(SessionRequest request, long maxCells) {
        List<FieldViolation> violations = new ArrayList<>();
        boolean stored = request.matrixKey() != null;
        boolean generated = request.buckets() != null;
        if (stored == generated) {
            violations.add(new FieldViolation(
                    stored ? "matrixKey" : "buckets",
                    "give either matrixKey (a stored matrix) or buckets and scenarioCount (a matrix to generate)"));
        }
        if (stored) {
            for (var field : generationFieldsPresent(request)) {
                violations.add(new FieldViolation(field, "not allowed with matrixKey"));
            }
        }
        if (generated && request.scenarioCount() == null) {
            violations.add(new FieldViolation("scenarioCount", "must not be null when buckets are given"));
        }
        int buckets = generated ? request.buckets().size() : 1;
        long validationCells = (long) validationScenarios(request) * buckets;
        if (validationCells > maxCells) {
            violations.add(new FieldViolation(
                    "validationScenarios",
                    "buckets x validation scenarios exceeds the limit of " + maxCells + " cells"));
        }
        nameProblem(request.name()).ifPresent(problem -> violations.add(new FieldViolation("name", problem)));
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(
                    violations.getFirst().field() + ": " + violations.getFirst().message(), violations);
        }
    }

    /** The name as stored: trimmed, or empty when none was given (check the request first). */
    static Optional<String> name(SessionRequest request) {
        return Optional.ofNullable(request.name()).map(String::strip);
    }

    private static Optional<String> nameProblem(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return Optional.of("must not be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            return Optional.of("must be at most " + MAX_NAME + " characters after trimming");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            // JSON can escape half a surrogate pair; PostgreSQL cannot store it
            return Optional.of("must be valid Unicode text (an unpaired surrogate)");
        }
        return Optional.empty();
    }

    static int validationScenarios(SessionRequest request) {
        return request.validationScenarios() != null
                ? request.validationScenarios()
                : SessionConfig.DEFAULT_VALIDATION_SCENARIOS;
    }

    static double epsilon(SessionRequest request) {
        return request.epsilon() != null ? request.epsilon() : SessionConfig.DEFAULT_EPSILON;
    }

    /**
     * The generation request inside a session request. The fund size and bucket cap set the default deals per bucket
     * (a cap of 1 when none is given: a bucket may then take the whole fund).
     */
    static GenerationRequest generation(SessionRequest request) {
        Double cap = request.constraints() != null && request.constraints().bucketMaxWeight() != null
                ? request.constraints().bucketMaxWeight()
                : 1.0;
        return new GenerationRequest(
                request.fundId(),
                request.buckets(),
                request.scenarioCount(),
                request.calibrationVersion(),
                request.regimes(),
                request.recycling(),
                request.fundSize(),
                cap,
                request.simModel(),
                request.fund());
    }

    private static List<String> generationFieldsPresent(SessionRequest request) {
        List<String> present = new ArrayList<>();
        if (request.scenarioCount() != null) {
            present.add("scenarioCount");
        }
        if (request.calibrationVersion() != null) {
            present.add("calibrationVersion");
        }
        if (request.regimes() != null) {
            present.add("regimes");
        }
        if (request.recycling() != null) {
            present.add("recycling");
        }
        if (request.simModel() != null) {
            present.add("simModel");
        }
        if (request.fund() != null) {
            present.add("fund");
        }
        return present;
    }

    /**
     * What the weights split (DESIGN 14): for a round-by-round matrix (generated or stored), commitments less the
     * management fees over its timeline; otherwise the whole fund, as there is no timeline to charge fees over.
     */
    static double investableCapital(SessionConfig config, Optional<FundTimeline> timeline) {
        FundTerms terms = FundTermsRequest.toTerms(config.fundTerms());
        return timeline.map(t -> FeeSchedule.investableCapital(terms, t, config.fundSize()))
                .orElse(config.fundSize());
    }
}
