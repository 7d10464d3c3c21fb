package io.meetingintel.bot.store;

import io.meetingintel.bot.domain.Bot;
import io.meetingintel.bot.domain.BotStatus;
import io.meetingintel.bot.domain.LiveBotExistsException;
import io.meetingintel.bot.domain.MeetingPlatform;
import io.meetingintel.bot.domain.StatusChange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Bots and their status history in PostgreSQL. */
@Repository
public class BotRepository {

    private static final String COLUMNS = "id, user_id, meeting_id, meeting_url, platform, provider, correlation_id, "
            + "created_at";

    private final NamedParameterJdbcTemplate jdbc;

    public BotRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws LiveBotExistsException when the meeting already has a live bot (unique partial index) */
    public void insert(Bot bot) {
        StatusChange first = bot.lastChange();
        try {
            jdbc.update("INSERT INTO bot (id, user_id, meeting_id, meeting_url, platform, provider, status, transition, "
                    + "correlation_id, created_at, updated_at) VALUES (:id, :userId, :meetingId, :meetingUrl, "
                    + ":platform, :provider, :status, :transition, :correlationId, :createdAt, :createdAt)",
                    new MapSqlParameterSource()
                            .addValue("id", bot.id())
                            .addValue("userId", bot.userId())
                            .addValue("meetingId", bot.meetingId())
                            .addValue("meetingUrl", bot.meetingUrl())
                            .addValue("platform", bot.platform().name())
                            .addValue("provider", bot.provider())
                            .addValue("status", first.status().name())
                            .addValue("transition", first.transition())
                            .addValue("correlationId", bot.correlationId())
                            .addValue("createdAt", Timestamp.from(bot.createdAt())));
        } catch (DuplicateKeyException e) {
            throw new LiveBotExistsException(bot.meetingId());
        }
        insertHistory(bot.id(), first);
    }

    /** Stores the bot's newest status; the bot row must still be at the transition before it (caller holds the lock). */
    public void saveTransition(Bot bot) {
        StatusChange change = bot.lastChange();
        int updated = jdbc.update("UPDATE bot SET status = :status, transition = :transition, updated_at = :at "
                + "WHERE id = :id AND transition = :previousTransition", new MapSqlParameterSource()
                .addValue("status", change.status().name())
                .addValue("transition", change.transition())
                .addValue("at", Timestamp.from(change.at()))
                .addValue("id", bot.id())
                .addValue("previousTransition", change.transition() - 1));
        if (updated != 1) {
            throw new IllegalStateException("Bot " + bot.id() + " changed concurrently; expected transition "
                    + (change.transition() - 1));
        }
        insertHistory(bot.id(), change);
    }

    public Optional<Bot> findById(String id) {
        return loadOne("SELECT " + COLUMNS + " FROM bot WHERE id = :id", Map.of("id", id));
    }

    /** Loads the bot and locks its row until the transaction ends, so its transitions are serialised. */
    public Optional<Bot> lockById(String id) {
        return loadOne("SELECT " + COLUMNS + " FROM bot WHERE id = :id FOR UPDATE", Map.of("id", id));
    }

    public Optional<Bot> findLiveByMeeting(String meetingId) {
        return loadOne("SELECT " + COLUMNS + " FROM bot WHERE meeting_id = :meetingId "
                + "AND status NOT IN ('DONE', 'ERROR')", Map.of("meetingId", meetingId));
    }

    /** One page of a user's bots, newest first, optionally only those in one status. */
    public List<Bot> findByUser(String userId, BotStatus status, long offset, int limit) {
        var parameters = userFilter(userId, status)
                .addValue("limit", limit)
                .addValue("offset", offset);
        List<BotRow> rows = jdbc.query("SELECT " + COLUMNS + " FROM bot WHERE user_id = :userId"
                + (status == null ? "" : " AND status = :status")
                + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset", parameters, BotRepository::row);
        return withHistories(rows);
    }

    public long countByUser(String userId, BotStatus status) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM bot WHERE user_id = :userId"
                + (status == null ? "" : " AND status = :status"), userFilter(userId, status), Long.class);
        return count == null ? 0 : count;
    }

    private static MapSqlParameterSource userFilter(String userId, BotStatus status) {
        var parameters = new MapSqlParameterSource("userId", userId);
        if (status != null) {
            parameters.addValue("status", status.name());
        }
        return parameters;
    }

    private void insertHistory(String botId, StatusChange change) {
        jdbc.update("INSERT INTO bot_status_history (bot_id, transition, status, previous_status, reason, at) "
                + "VALUES (:botId, :transition, :status, :previousStatus, :reason, :at)", new MapSqlParameterSource()
                .addValue("botId", botId)
                .addValue("transition", change.transition())
                .addValue("status", change.status().name())
                .addValue("previousStatus", change.previousStatus() == null ? null : change.previousStatus().name())
                .addValue("reason", change.reason())
                .addValue("at", Timestamp.from(change.at())));
    }

    private Optional<Bot> loadOne(String sql, Map<String, ?> parameters) {
        return withHistories(jdbc.query(sql, parameters, BotRepository::row)).stream().findFirst();
    }

    private List<Bot> withHistories(List<BotRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<StatusChange>> histories = new LinkedHashMap<>();
        jdbc.query("SELECT bot_id, transition, status, previous_status, reason, at FROM bot_status_history "
                        + "WHERE bot_id IN (:ids) ORDER BY bot_id, transition",
                Map.of("ids", rows.stream().map(BotRow::id).toList()),
                (ResultSet rs) -> {
                    String previous = rs.getString("previous_status");
                    histories.computeIfAbsent(rs.getString("bot_id"), id -> new ArrayList<>()).add(new StatusChange(
                            rs.getInt("transition"), BotStatus.valueOf(rs.getString("status")),
                            previous == null ? null : BotStatus.valueOf(previous), rs.getString("reason"),
                            instant(rs, "at")));
                });
        return rows.stream().map(row -> new Bot(row.id(), row.userId(), row.meetingId(), row.meetingUrl(),
                row.platform(), row.provider(), row.correlationId(), row.createdAt(), histories.get(row.id()))).toList();
    }

    private static BotRow row(ResultSet rs, int rowNumber) throws SQLException {
        return new BotRow(rs.getString("id"), rs.getString("user_id"), rs.getString("meeting_id"),
                rs.getString("meeting_url"), MeetingPlatform.valueOf(rs.getString("platform")),
                rs.getString("provider"), rs.getString("correlation_id"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private record BotRow(String id, String userId, String meetingId, String meetingUrl, MeetingPlatform platform,
                          String provider, String correlationId, Instant createdAt) {
    }
}
