package io.meetingintel.platform.registry;

/**
 * The registry answered and refused the request (4xx). Never retried: the same request would be refused again.
 * Subclasses name the refusals callers react to; this class itself covers the rest (401, 403, bad requests...).
 */
public class SchemaRegistryRequestException extends SchemaRegistryException {

    /** Error code used when the response carries none (for example an HTML page from a proxy). */
    public static final int NO_ERROR_CODE = -1;

    private final int httpStatus;
    private final int errorCode;
    private final String registryMessage;

    public SchemaRegistryRequestException(String request, int httpStatus, int errorCode, String registryMessage) {
        super("Schema registry refused " + request + ": HTTP " + httpStatus + ", error_code " + errorCode + ", "
                + registryMessage);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    /**
     * The exception for a refusal, chosen like Confluent's clients do: by {@code error_code} first, since one HTTP
     * status covers several causes (a 404 may also be a wrong base URL, which must not read as "schema not found").
     *
     * @param request what was asked, for the message: method and URL, or the operation and its subject or id
     */
    public static SchemaRegistryRequestException of(String request, int httpStatus, int errorCode,
                                                    String registryMessage) {
        return switch (errorCode) {
            case SchemaNotFoundException.SUBJECT_NOT_FOUND, SchemaNotFoundException.VERSION_NOT_FOUND,
                 SchemaNotFoundException.SCHEMA_NOT_FOUND ->
                    new SchemaNotFoundException(request, httpStatus, errorCode, registryMessage);
            case InvalidSchemaException.INVALID_SCHEMA ->
                    new InvalidSchemaException(request, httpStatus, errorCode, registryMessage);
            default -> httpStatus == IncompatibleSchemaException.HTTP_CONFLICT
                    ? new IncompatibleSchemaException(request, httpStatus, errorCode, registryMessage)
                    : new SchemaRegistryRequestException(request, httpStatus, errorCode, registryMessage);
        };
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent's {@code error_code}, or {@link #NO_ERROR_CODE}. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's own {@code message}. */
    public String registryMessage() {
        return registryMessage;
    }
}
