package dev.vcportfolio.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vcportfolio.core.error.FieldViolation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * @param type a URN naming the kind of problem, stable for clients to switch on
 * @param title a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request
 * @param instance the request path
 * @param errors the rejected fields (empty when the problem is not about a field)
 */
@RegisterForReflection
@Schema(name = "Problem", description = "RFC 9457 problem detail")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(examples = "urn:vcportfolio:problem:invalid-request")
        String type,

        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,

        @Schema(examples = "fundSize: must be greater than 0")
        String detail,

        @Schema(examples = "/api/optimization/request") String instance,
        List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
