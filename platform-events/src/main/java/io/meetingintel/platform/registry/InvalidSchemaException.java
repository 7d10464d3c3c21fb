package io.meetingintel.platform.registry;

/** The registry could not parse the schema (422 with error_code 42201). */
public class InvalidSchemaException extends SchemaRegistryRequestException {

    public static final int INVALID_SCHEMA = 42201;

    public InvalidSchemaException(String request, int httpStatus, int errorCode, String registryMessage) {
        super(request, httpStatus, errorCode, registryMessage);
    }
}
