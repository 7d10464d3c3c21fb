package io.meetingintel.pipeline.session;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The bot connections this instance holds, as the inactivity sweep needs to see them. */
public interface LiveConnections {

    /** Closes connections that sent nothing since the cutoff (their sessions then go idle in the database). */
    void closeIdleSince(Instant cutoff);

    /** The latest frame time of each session with a live connection here. */
    Map<UUID, Instant> lastActivityBySession();
}
