package io.meetingintel.calendar.connection;

/** No calendar connection with this id (for this user). */
public class ConnectionNotFoundException extends RuntimeException {

    public ConnectionNotFoundException(String connectionId) {
        super("Calendar connection " + connectionId + " not found");
    }
}
