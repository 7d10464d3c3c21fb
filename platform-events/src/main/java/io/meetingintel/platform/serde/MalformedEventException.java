package io.meetingintel.platform.serde;

/** The bytes are not a Confluent-framed Avro record: missing or wrong header, truncated or corrupt body. */
public class MalformedEventException extends PoisonPillException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
