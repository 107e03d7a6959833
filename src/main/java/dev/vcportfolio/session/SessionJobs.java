package dev.vcportfolio.session;

import dev.vcportfolio.outbox.ClaimedJob;
import java.util.UUID;

/** What session jobs carry: {@code {"sessionId": "…"}}. */
final class SessionJobs {

    private SessionJobs() {}

    static UUID sessionId(ClaimedJob job) {
        String id = job.payload().getString("sessionId");
        if (id == null) {
            throw new IllegalArgumentException("job " + job.id() + " has no sessionId");
        }
        return UUID.fromString(id);
    }
}
