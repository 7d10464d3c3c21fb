package io.meetingintel.bot.provider.simulated;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The simulated provider's calls: which process runs each one and how far it got. A call still ACTIVE under another
 * process's runner id was cut off by a restart.
 */
@Repository
class SimulatedCallStore {

    enum State { ACTIVE, FINISHED, ABORTED }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    SimulatedCallStore(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void started(String botId, String runnerId) {
        jdbc.update("""
                INSERT INTO simulated_call (bot_id, runner_id, state, segments_sent, started_at, updated_at)
                VALUES (:botId, :runnerId, 'ACTIVE', 0, :now, :now)
                ON CONFLICT (bot_id) DO UPDATE SET runner_id = EXCLUDED.runner_id, state = 'ACTIVE',
                    segments_sent = 0, started_at = EXCLUDED.started_at, updated_at = EXCLUDED.updated_at""",
                Map.of("botId", botId, "runnerId", runnerId, "now", now()));
    }

    void progressed(String botId, int segmentsSent) {
        jdbc.update("UPDATE simulated_call SET segments_sent = :sent, updated_at = :now WHERE bot_id = :botId",
                Map.of("botId", botId, "sent", segmentsSent, "now", now()));
    }

    void ended(String botId, State state) {
        jdbc.update("UPDATE simulated_call SET state = :state, updated_at = :now WHERE bot_id = :botId",
                Map.of("botId", botId, "state", state.name(), "now", now()));
    }

    /** Active calls of other (earlier) processes. */
    List<String> activeCallsNotRunBy(String runnerId) {
        return jdbc.queryForList("SELECT bot_id FROM simulated_call WHERE state = 'ACTIVE' AND runner_id <> :runnerId",
                Map.of("runnerId", runnerId), String.class);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
