package dev.vcportfolio.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The handler of each job type, as deployed. */
@ApplicationScoped
public class JobHandlers {

    private final Map<JobType, JobHandler> byType = new EnumMap<>(JobType.class);

    JobHandlers(@Any Instance<JobHandler> handlers) {
        handlers.forEach(handler -> byType.put(handler.type(), handler));
    }

    /** The handler for a {@code job_type} column value; empty for a type this build does not know or handle. */
    Optional<JobHandler> forColumn(String jobType) {
        return JobType.fromColumn(jobType).map(byType::get);
    }

    Set<JobType> types() {
        return byType.keySet();
    }
}
