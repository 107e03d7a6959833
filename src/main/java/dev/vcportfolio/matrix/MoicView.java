package dev.vcportfolio.matrix;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A matrix's values as JSON: one row per bucket, in the order of {@code bucketKeys} (sorted). */
@RegisterForReflection
public record MoicView(List<String> bucketKeys, float[][] moic) {}
