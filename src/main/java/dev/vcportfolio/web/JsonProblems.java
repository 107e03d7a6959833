package dev.vcportfolio.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.vcportfolio.core.error.FieldViolation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Turns a JSON read failure into a 400 problem naming the field where Jackson knows it. */
final class JsonProblems {

    private JsonProblems() {}

    static Response of(JacksonException exception, UriInfo uri) {
        String field = exception instanceof JsonMappingException mapping ? FieldPaths.of(mapping.getPath()) : "";
        String message = message(exception);
        String detail = (field.isEmpty() ? "request body" : field) + ": " + message;
        return ProblemMapper.problem(
                ProblemKind.INVALID_REQUEST, detail, uri, List.of(new FieldViolation(field, message)));
    }

    private static String message(JacksonException exception) {
        return switch (exception) {
            case UnrecognizedPropertyException e -> "unknown field";
            case InvalidFormatException e ->
                "cannot read " + describe(e.getValue()) + " as " + typeName(e.getTargetType());
            case ValueInstantiationException e ->
                e.getCause() != null && e.getCause().getMessage() != null
                        ? e.getCause().getMessage()
                        : "invalid value";
            case MismatchedInputException e ->
                e.getTargetType() == null ? "missing or wrong JSON value" : "expected " + typeName(e.getTargetType());
            case StreamConstraintsException e -> "body exceeds a parser limit: " + e.getOriginalMessage();
            case JsonParseException e ->
                "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage();
            default -> "unreadable JSON: " + exception.getOriginalMessage();
        };
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        return "an object";
    }
}
