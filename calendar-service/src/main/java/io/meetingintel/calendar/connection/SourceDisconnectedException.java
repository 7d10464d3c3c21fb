package io.meetingintel.calendar.connection;

/** The calendar source withdrew access (revoked, expired, insufficient scopes): syncing stops until reconnected. */
public class SourceDisconnectedException extends RuntimeException {

    private final String connectionId;

    public SourceDisconnectedException(String connectionId, String reason) {
        super(reason);
        this.connectionId = connectionId;
    }

    public String connectionId() {
        return connectionId;
    }
}
