package io.meetingintel.platform.registry;

/** The registry does not know the subject, version or schema id (404 with error_code 40401, 40402 or 40403). */
public class SchemaNotFoundException extends SchemaRegistryRequestException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;

    public SchemaNotFoundException(String request, int httpStatus, int errorCode, String registryMessage) {
        super(request, httpStatus, errorCode, registryMessage);
    }
}
