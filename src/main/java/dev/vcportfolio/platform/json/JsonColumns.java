package dev.vcportfolio.platform.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Converts between records and the Vert.x JSON values the reactive client binds to and reads from jsonb columns. */
@ApplicationScoped
public class JsonColumns {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<List<Object>> ARRAY = new TypeReference<>() {};

    private final ObjectMapper mapper;

    JsonColumns(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A record or map as a jsonb object parameter. */
    public JsonObject object(Object value) {
        return new JsonObject(mapper.convertValue(value, OBJECT));
    }

    /** A list as a jsonb array parameter. */
    public JsonArray array(Object value) {
        return new JsonArray(mapper.convertValue(value, ARRAY));
    }

    /** A jsonb column value (JsonObject, JsonArray or scalar) as the given type. */
    public <T> T read(Object column, Class<T> type) {
        return mapper.convertValue(plain(column), type);
    }

    public <T> T read(Object column, TypeReference<T> type) {
        return mapper.convertValue(plain(column), type);
    }

    private static Object plain(Object column) {
        return switch (column) {
            case JsonObject object -> object.getMap();
            case JsonArray array -> array.getList();
            case null, default -> column;
        };
    }
}
