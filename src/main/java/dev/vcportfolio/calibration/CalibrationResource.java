package dev.vcportfolio.calibration;

import dev.vcportfolio.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/calibrations")
@Tag(name = "Calibrations", description = "Stage transition and exit calibrations of the scenario model")
@Produces(MediaType.APPLICATION_JSON)
public class CalibrationResource {

    static final String FALLBACK = "roundDynamics is null for a calibration stored without it; such a calibration"
            + " falls back to the round dynamics of the shared industry-benchmark-v2.";

    private final CalibrationService service;
    private final Caller caller;

    CalibrationResource(CalibrationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createCalibration",
            summary = "Store a new calibration snapshot",
            description = "Versions are per fund: another fund's version of the same name is a separate snapshot. 409"
                    + " when the fund already has the version or a shared benchmark has it.")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = CalibrationView.class)))
    public Uni<Response> create(@NotNull @Valid CalibrationRequest request) {
        return service.create(request, caller.funds())
                .map(view -> Response.created(
                                URI.create("/api/calibrations/" + view.version() + "?fundId=" + view.fundId()))
                        .entity(view)
                        .build());
    }

    @GET
    @Operation(
            operationId = "listCalibrations",
            summary = "The benchmark calibrations and the caller's own",
            description = FALLBACK)
    public Uni<List<CalibrationView>> list() {
        return service.list(caller.funds());
    }

    @GET
    @Path("/{version}")
    @Operation(
            operationId = "getCalibration",
            summary = "One calibration snapshot",
            description = "The fund's own snapshot of the version, else the shared benchmark of that version. Without"
                    + " fundId, the first of the token's funds that has the version. " + FALLBACK)
    public Uni<CalibrationView> get(
            @PathParam("version") String version,
            @Parameter(description = "The fund whose version to read; default: any of the token's funds")
                    @QueryParam("fundId")
                    UUID fundId) {
        return service.get(version, Optional.ofNullable(fundId), caller.funds());
    }
}
