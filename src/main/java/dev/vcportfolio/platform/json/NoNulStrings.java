package dev.vcportfolio.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Strings with a NUL character are refused while reading (400 naming the field): PostgreSQL cannot store U+0000 in text
 * or jsonb, so such a value would otherwise fail only at the insert.
 */
final class NoNulStrings extends StdScalarDeserializer<String> {

    NoNulStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw context.weirdStringException(value, String.class, "must not contain NUL (U+0000) characters");
        }
        return value;
    }
}
