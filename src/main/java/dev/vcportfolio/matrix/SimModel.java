package dev.vcportfolio.matrix;

/**
 * The scenario models a generation may run, spelled as on the wire and in {@code sim_model_version} (the generators'
 * {@code MODEL_VERSION}s; SimModelTest holds them together).
 */
public enum SimModel {
    three_component_v1,
    round_by_round_v1;

    /** What a request that names no model runs. */
    public static final SimModel DEFAULT = round_by_round_v1;
}
