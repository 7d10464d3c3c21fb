package io.meetingintel.platform.serde;

import io.meetingintel.platform.registry.SchemaNotFoundException;

/** The record names a schema id the registry does not have. */
public class UnknownSchemaException extends PoisonPillException {

    public UnknownSchemaException(String message, SchemaNotFoundException cause) {
        super(message, cause);
    }
}
