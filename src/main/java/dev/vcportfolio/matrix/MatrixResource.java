package dev.vcportfolio.matrix;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/matrices")
@Tag(name = "Scenario matrices", description = "MOIC scenario matrices: upload, generate, read back bit-exact")
public class MatrixResource {

    static final String BUCKET_COUNT = "X-Bucket-Count";
    static final String SCENARIO_COUNT = "X-Scenario-Count";
    static final String ROW_COUNT = "X-Row-Count";
    static final String YEAR_COUNT = "X-Year-Count";

    private final MatrixService service;
    private final GenerationService generation;
    private final Caller caller;

    MatrixResource(MatrixService service, GenerationService generation, Caller caller) {
        this.service = service;
        this.generation = generation;
        this.caller = caller;
    }

    @POST
    @Path("/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "generateMatrix",
            summary = "Simulate a fund's scenario matrices (round_by_round_v1 by default)",
            description = "202 while generating (poll GET /api/matrices/{matrixKey}); 200 when that key is complete.")
    @APIResponse(
            responseCode = "202",
            description = "Generating",
            content = @Content(schema = @Schema(implementation = MatrixView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already complete",
            content = @Content(schema = @Schema(implementation = MatrixView.class)))
    public Uni<Response> generate(@NotNull @Valid GenerationRequest request) {
        return generation
                .request(request, caller.funds())
                .map(requested -> Response.status(requested.complete() ? Response.Status.OK : Response.Status.ACCEPTED)
                        .location(URI.create("/api/matrices/" + requested.view().matrixKey()))
                        .entity(requested.view())
                        .build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "uploadMatrix",
            summary = "Store a matrix the client brings",
            description = "201 when new; 200 when the same content was already stored (same matrixKey).")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = MatrixView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already stored",
            content = @Content(schema = @Schema(implementation = MatrixView.class)))
    public Uni<Response> upload(@NotNull @Valid MatrixUploadRequest request) {
        return service.store(request, caller.funds()).map(MatrixResource::stored);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "uploadMatrixBinary",
            summary = "Store a matrix sent as a JSON spec part and a float32 little-endian moic part")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = MatrixView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already stored",
            content = @Content(schema = @Schema(implementation = MatrixView.class)))
    public Uni<Response> uploadBinary(
            @RestForm("spec") @PartType(MediaType.APPLICATION_JSON) @NotNull @Valid MatrixSpecRequest spec,
            @RestForm("moic") @NotNull FileUpload moic) {
        return service.store(spec, moic.uploadedFile(), moic.size(), caller.funds())
                .map(MatrixResource::stored);
    }

    @GET
    @Path("/{matrixKey}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMatrix", summary = "A matrix's metadata and status")
    public Uni<MatrixView> get(@PathParam("matrixKey") String matrixKey) {
        return service.view(matrixKey, caller.funds());
    }

    @GET
    @Path("/{matrixKey}/moic")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMatrixValues", summary = "A complete matrix's values as JSON rows")
    @APIResponse(
            responseCode = "200",
            description = "The values as JSON rows",
            content = @Content(schema = @Schema(implementation = MoicView.class)))
    @APIResponse(responseCode = "409", description = "The matrix is not complete yet")
    public Uni<MoicView> values(@PathParam("matrixKey") String matrixKey) {
        return service.values(matrixKey, caller.funds())
                .map(values -> new MoicView(values.bucketKeys(), MoicRows.of(values)));
    }

    @GET
    @Path("/{matrixKey}/moic")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(
            operationId = "getMatrixValuesBinary",
            summary = "A complete matrix's values as float32 little-endian bytes, row-major [bucket][scenario]")
    @APIResponse(responseCode = "409", description = "The matrix is not complete yet")
    public Uni<Response> valuesBinary(@PathParam("matrixKey") String matrixKey) {
        return service.values(matrixKey, caller.funds())
                .map(values -> Response.ok(values.littleEndian())
                        .header(BUCKET_COUNT, values.bucketKeys().size())
                        .header(SCENARIO_COUNT, values.scenarioCount())
                        .build());
    }

    @GET
    @Path("/{matrixKey}/cashflows")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(
            operationId = "getMatrixCashflowsBinary",
            summary = "A round-by-round matrix's cash flows per allocated dollar as float32 little-endian bytes,"
                    + " row-major [row][scenario][year]; the last year is the NAV at the horizon")
    @APIResponse(responseCode = "404", description = "Unknown key, or a matrix without cash flows")
    @APIResponse(responseCode = "409", description = "The matrix is not complete yet")
    public Uni<Response> cashflowsBinary(@PathParam("matrixKey") String matrixKey) {
        return service.cashflows(matrixKey, caller.funds())
                .map(flows -> Response.ok(flows.littleEndian())
                        .header(ROW_COUNT, flows.rowKeys().size())
                        .header(SCENARIO_COUNT, flows.scenarioCount())
                        .header(YEAR_COUNT, flows.yearCount())
                        .build());
    }

    @GET
    @Path("/{matrixKey}/cashflows")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getMatrixCashflows",
            summary = "A round-by-round matrix's cash flows per allocated dollar as JSON: per row, per scenario, the"
                    + " flows of years 0..H and the NAV at the horizon last")
    @APIResponse(
            responseCode = "200",
            description = "The cash flows",
            content = @Content(schema = @Schema(implementation = CashflowView.class)))
    @APIResponse(responseCode = "404", description = "Unknown key, or a matrix without cash flows")
    @APIResponse(responseCode = "409", description = "The matrix is not complete yet")
    public Uni<CashflowView> cashflows(@PathParam("matrixKey") String matrixKey) {
        return service.cashflows(matrixKey, caller.funds()).map(CashflowView::of);
    }

    private static Response stored(MatrixService.Stored stored) {
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create("/api/matrices/" + stored.view().matrixKey()))
                .entity(stored.view())
                .build();
    }
}
