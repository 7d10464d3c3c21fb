package io.meetingintel.platform.registry;

/** The schema breaks the subject's compatibility level and was not registered (409). */
public class IncompatibleSchemaException extends SchemaRegistryRequestException {

    static final int HTTP_CONFLICT = 409;

    public IncompatibleSchemaException(String request, int httpStatus, int errorCode, String registryMessage) {
        super(request, httpStatus, errorCode, registryMessage);
    }
}
