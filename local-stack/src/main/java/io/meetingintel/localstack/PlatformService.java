package io.meetingintel.localstack;

/**
 * The processes of the platform: module (= jar name), database (null for the gateway), the variable through which
 * the gateway finds it, and its port offset from the stack's base port (8080 -> gateway 8080, calendar 8101, ...).
 */
public enum PlatformService {

    CALENDAR("calendar-service", "calendar", "CALENDAR_SERVICE_URL", 21),
    MEETING("meeting-service", "meeting", "MEETING_SERVICE_URL", 22),
    BOT("bot-service", "bot", "BOT_SERVICE_URL", 23),
    PIPELINE("pipeline-service", "pipeline", "PIPELINE_SERVICE_URL", 24),
    INTELLIGENCE("intelligence-service", "intelligence", "INTELLIGENCE_SERVICE_URL", 25),
    GATEWAY("gateway", null, null, 0);

    private final String module;
    private final String database;
    private final String urlVariable;
    private final int portOffset;

    PlatformService(String module, String database, String urlVariable, int portOffset) {
        this.module = module;
        this.database = database;
        this.urlVariable = urlVariable;
        this.portOffset = portOffset;
    }

    public String module() {
        return module;
    }

    /** The service's own PostgreSQL database; null for the gateway, which has none. */
    public String database() {
        return database;
    }

    /** Environment variable the gateway reads this service's address from; null for the gateway itself. */
    public String urlVariable() {
        return urlVariable;
    }

    int portOffset() {
        return portOffset;
    }
}
