package dev.vcportfolio.matrix;

import java.util.List;
import java.util.UUID;

/** A stored matrix's compressed payload and what is needed to decode it. */
record StoredMatrix(
        String status,
        UUID fundId,
        String codec,
        List<String> bucketKeys,
        Integer bucketCount,
        Integer scenarioCount,
        byte[] compressed) {}
