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

@Path("/api/portfolio")
@Tag(name = "Portfolios", description = "Measure an allocation the client already has")
public class PortfolioResource {

    private final EvaluationService evaluation;
    private final Caller caller;

    PortfolioResource(EvaluationService evaluation, Caller caller) {
        this.evaluation = evaluation;
        this.caller = caller;
    }

    @POST
    @Path("/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "evaluatePortfolio",
            summary = "Expected MOIC, loss probability, CVaR, winners and the constraint report of given weights")
    @APIResponse(
            responseCode = "200",
            description = "The measures",
            content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "404", description = "No such matrix")
    @APIResponse(responseCode = "409", description = "The matrix is not complete yet")
    public Uni<EvaluationView> evaluate(@NotNull @Valid EvaluationRequest request) {
        return evaluation.evaluate(request, caller.funds());
    }
}
