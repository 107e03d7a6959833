package dev.vcportfolio.optimize;

import dev.vcportfolio.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/optimization/frontier")
@Tag(name = "Optimization sessions")
public class FrontierResource {

    private final FrontierService service;
    private final Caller caller;

    FrontierResource(FrontierService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "efficientFrontier",
            summary = "Optimal portfolios from the tightest to the loosest feasible CVaR limit on one matrix")
    @APIResponse(
            responseCode = "200",
            description = "The frontier",
            content = @Content(schema = @Schema(implementation = FrontierView.class)))
    @APIResponse(responseCode = "404", description = "No such matrix")
    @APIResponse(responseCode = "422", description = "No allocation meets the other limits")
    public Uni<FrontierView> frontier(@NotNull @Valid FrontierRequest request) {
        return service.frontier(request, caller.funds());
    }
}
