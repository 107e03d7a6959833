package dev.vcportfolio.session;

import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/optimization")
@Tag(name = "Optimization sessions", description = "Request an optimal allocation, follow it, read the answer")
public class SessionResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,200}$");

    private final SessionService service;
    private final SessionReportService reports;
    private final Caller caller;

    SessionResource(SessionService service, SessionReportService reports, Caller caller) {
        this.service = service;
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @Path("/request")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "requestOptimization",
            summary = "Start an optimization session",
            description = "Generates the matrix (or reuses a stored one), optimizes, validates. Poll the status link.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted",
            content = @Content(schema = @Schema(implementation = SessionAccepted.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replay of an earlier request with the same Idempotency-Key and body",
            content = @Content(schema = @Schema(implementation = SessionAccepted.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with another body")
    public Uni<Response> request(
            @Parameter(description = "Makes retries safe: the same key and body give the same session")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @NotNull @Valid SessionRequest request) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw DomainException.Invalid.of(IDEMPOTENCY_KEY, "must be 1-200 printable ASCII characters");
        }
        return service.request(request, Optional.ofNullable(idempotencyKey), caller.funds())
                .map(requested -> Response.status(requested.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                        .location(URI.create(requested.accepted().links().get("status")))
                        .entity(requested.accepted())
                        .build());
    }

    @GET
    @Path("/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listOptimizationSessions",
            summary = "A fund's sessions, newest first, a page at a time",
            description = "Keyset pagination: pass the reply's nextCursor as cursor for the next page; it is absent on"
                    + " the last page. Sessions created meanwhile appear only ahead of the first page, so a walk"
                    + " through the pages sees each older session once. A fund the token does not hold is a 404.")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = SessionPage.class)))
    @APIResponse(responseCode = "400", description = "A malformed fundId, limit or cursor, named in errors[].field")
    @APIResponse(responseCode = "404", description = "The token does not hold the fund")
    public Uni<SessionPage> list(
            @Parameter(
                            description = "The fund; default: the token's first fund",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("fundId")
                    String fundId,
            @Parameter(
                            description = "Sessions per page, 1-" + SessionListQuery.MAX_LIMIT + "; default "
                                    + SessionListQuery.DEFAULT_LIMIT,
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "The nextCursor of the previous page; absent for the first page")
                    @QueryParam("cursor")
                    String cursor) {
        return service.list(SessionListQuery.parse(fundId, limit, cursor), caller.funds());
    }

    @GET
    @Path("/status/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOptimizationStatus", summary = "A session's step, percent and step timestamps")
    public Uni<SessionStatusView> status(@PathParam("id") String id) {
        return service.status(sessionId(id), caller.funds());
    }

    @GET
    @Path("/result/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOptimizationResult", summary = "A completed session's allocation, risk and validation")
    @APIResponse(
            responseCode = "200",
            description = "The answer",
            content = @Content(schema = @Schema(implementation = SessionResultView.class)))
    @APIResponse(responseCode = "409", description = "Not COMPLETED (yet); a FAILED session gives its reason")
    public Uni<SessionResultView> result(@PathParam("id") String id) {
        return service.result(sessionId(id), caller.funds());
    }

    @GET
    @Path("/result/{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            operationId = "getOptimizationReport",
            summary = "A completed session's investment-committee report",
            description = "One self-contained, printable HTML document (inline style and SVG charts, no scripts, no"
                    + " external references): assumptions and calibration, allocation, MOIC distribution, LP view"
                    + " and J-curve, limits and relaxations, validation, solver account.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such session, or another fund's")
    @APIResponse(responseCode = "409", description = "Not COMPLETED (yet); a FAILED session gives its reason")
    public Uni<String> report(@PathParam("id") String id) {
        return reports.report(sessionId(id), caller.funds());
    }

    @POST
    @Path("/{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelOptimization", summary = "Cancel a session that has not ended")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = SessionStatusView.class)))
    @APIResponse(responseCode = "409", description = "The session already ended (COMPLETED or FAILED)")
    public Uni<SessionStatusView> cancel(@PathParam("id") String id) {
        return service.cancel(sessionId(id), caller.funds());
    }

    /** Anything but a UUID names no session: 404, like an unknown one. */
    static UUID sessionId(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // fall through to not found
        }
        throw new DomainException.NotFound("no optimization session " + id);
    }
}
