package dev.vcportfolio.web;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the problem+json error responses every API operation can return, so each operation in the OpenAPI
 * document lists them without repeating annotations on every method; and the bearer scheme every {@code /api}
 * operation requires (DESIGN 10, Access), with its 401.
 */
public class ProblemResponsesFilter implements OASFilter {

    /** The name of the bearer-token scheme in {@code components.securitySchemes}. */
    public static final String BEARER = "bearerToken";

    // sorted maps: Map.of iterates in a per-JVM order, and the document must be the same on every start
    private static final Map<String, String> COMMON = new TreeMap<>(Map.of(
            "400", "Invalid request: the problem's errors name the fields",
            "500", "Unexpected failure (never caused by input)",
            "503", "Database unavailable; retry later"));

    private static final Map<String, String> WITH_BODY = new TreeMap<>(Map.of(
            "408", "Request body not received in time (app.http.body-timeout, app.http.body-min-rate)",
            "413", "Request body larger than the configured limit",
            "415", "Unsupported content type"));

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || operation.getOperationId() == null) {
            return operation;
        }
        COMMON.forEach((code, description) -> addIfMissing(responses, code, description));
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                addIfMissing(responses, code, response.getDescription());
            }
        });
        if (operation.getRequestBody() != null) {
            WITH_BODY.forEach((code, description) -> addIfMissing(responses, code, description));
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        BEARER,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description(
                                        "An API token scoped to one or more funds: Authorization: Bearer <token>"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") && item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> {
                    operation.addSecurityRequirement(
                            OASFactory.createSecurityRequirement().addScheme(BEARER));
                    if (operation.getResponses() != null) {
                        addIfMissing(
                                operation.getResponses(), "401", "No valid bearer token (WWW-Authenticate: Bearer)");
                    }
                });
            }
        });
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing == null) {
            responses.addAPIResponse(
                    code,
                    OASFactory.createAPIResponse().description(description).content(problemContent()));
        } else if (existing.getContent() == null) {
            existing.content(problemContent());
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }
}
