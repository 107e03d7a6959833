package dev.vcportfolio.core.scenario;

/** Thrown by {@link ScenarioGenerator#generate} when its cancellation check says stop; no partial result survives. */
public final class GenerationCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GenerationCancelledException(String message) {
        super(message);
    }
}
