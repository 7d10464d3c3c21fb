package io.meetingintel.devregistry;

import org.apache.avro.Schema;

/** Versions of a small record schema, evolved the ways the tests need. */
final class TestSchemas {

    static final String MEETING_V1_JSON = """
            {"type": "record", "name": "Meeting", "namespace": "test",
             "fields": [{"name": "id", "type": "string"}]}""";

    /** v1 plus an optional field: new readers fill in the default for old data, so it is backward compatible. */
    static final String MEETING_WITH_OPTIONAL_TITLE_JSON = """
            {"type": "record", "name": "Meeting", "namespace": "test",
             "fields": [{"name": "id", "type": "string"},
                        {"name": "title", "type": ["null", "string"], "default": null}]}""";

    /** v1 plus a required field: old data has no value for it, so it breaks backward compatibility. */
    static final String MEETING_WITH_REQUIRED_TITLE_JSON = """
            {"type": "record", "name": "Meeting", "namespace": "test",
             "fields": [{"name": "id", "type": "string"}, {"name": "title", "type": "string"}]}""";

    static final Schema MEETING_V1 = parse(MEETING_V1_JSON);
    static final Schema MEETING_WITH_OPTIONAL_TITLE = parse(MEETING_WITH_OPTIONAL_TITLE_JSON);
    static final Schema MEETING_WITH_REQUIRED_TITLE = parse(MEETING_WITH_REQUIRED_TITLE_JSON);

    /** A history where each step is backward compatible but the last cannot read the first: count int -> dropped -> string. */
    static final Schema COUNT_AS_INT = record("{\"name\": \"count\", \"type\": \"int\"}");
    static final Schema COUNT_DROPPED = record("");
    static final Schema COUNT_AS_STRING = record("{\"name\": \"count\", \"type\": \"string\", \"default\": \"none\"}");

    private TestSchemas() {
    }

    private static Schema record(String extraField) {
        String fields = "{\"name\": \"id\", \"type\": \"string\"}" + (extraField.isEmpty() ? "" : ", " + extraField);
        return parse("{\"type\": \"record\", \"name\": \"Counter\", \"namespace\": \"test\", \"fields\": [" + fields
                + "]}");
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
