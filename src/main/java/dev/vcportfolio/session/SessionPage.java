package dev.vcportfolio.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a fund's sessions, newest first (DESIGN 16).
 *
 * @param items at most the requested limit
 * @param nextCursor pass it as {@code cursor} for the next page; absent on the last page
 */
@RegisterForReflection
public record SessionPage(
        List<SessionSummary> items,

        @Schema(description = "Pass as cursor for the next page; absent on the last page")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String nextCursor) {

    /** A page from up to {@code limit + 1} rows: the extra row only says that another page follows. */
    static SessionPage of(List<SessionSummary> rows, int limit) {
        if (rows.size() <= limit) {
            return new SessionPage(rows, null);
        }
        List<SessionSummary> items = rows.subList(0, limit);
        SessionSummary last = items.getLast();
        return new SessionPage(List.copyOf(items), new SessionCursor(last.createdAt(), last.sessionId()).encode());
    }
}
