package io.meetingintel.calendar.google;

import io.meetingintel.calendar.security.TokenCipher;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The Google side of Google connections. Tokens go in and out only sealed ({@link TokenCipher.Sealed}). */
@Repository
class GoogleCalendarRepository {

    /** A Google connection's stored state; tokens null after access was lost. */
    record GoogleCalendar(String connectionId, String calendarId, String keyId, String accessToken,
                          String refreshToken, Instant accessExpiresAt, String syncToken, String channelId,
                          String channelTokenHash, String channelResourceId, Instant channelExpiresAt) {

        boolean hasTokens() {
            return refreshToken != null;
        }

        @Override
        public String toString() {
            return "GoogleCalendar[" + connectionId + ", " + calendarId + "]";
        }
    }

    /** A push channel as Google confirmed it. */
    record Channel(String id, String tokenHash, String resourceId, Instant expiresAt) {
    }

    private static final String COLUMNS = "connection_id, calendar_id, key_id, access_token, refresh_token, "
            + "access_expires_at, sync_token, channel_id, channel_token_hash, channel_resource_id, channel_expires_at";

    private final JdbcTemplate jdbc;

    GoogleCalendarRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GoogleCalendar> find(String connectionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM google_calendar WHERE connection_id = ?", this::map,
                connectionId).stream().findFirst();
    }

    Optional<GoogleCalendar> findByChannel(String channelId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM google_calendar WHERE channel_id = ?", this::map, channelId)
                .stream().findFirst();
    }

    /** Stores fresh tokens of a (re)connected calendar: the old sync token and channel no longer count. */
    void saveConnected(String connectionId, String calendarId, TokenCipher.Sealed access, TokenCipher.Sealed refresh,
                       Instant accessExpiresAt, String scopes) {
        jdbc.update("INSERT INTO google_calendar (connection_id, calendar_id, key_id, access_token, refresh_token, "
                        + "access_expires_at, scopes) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (connection_id) DO UPDATE "
                        + "SET calendar_id = EXCLUDED.calendar_id, key_id = EXCLUDED.key_id, "
                        + "access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token, "
                        + "access_expires_at = EXCLUDED.access_expires_at, scopes = EXCLUDED.scopes, sync_token = NULL",
                connectionId, calendarId, access.keyId(), access.ciphertext(), refresh.ciphertext(),
                Timestamp.from(accessExpiresAt), scopes);
    }

    /** Both tokens re-sealed with the current key (a refresh also completes a key rotation for the row). */
    void saveTokens(String connectionId, TokenCipher.Sealed access, TokenCipher.Sealed refresh, Instant expiresAt) {
        jdbc.update("UPDATE google_calendar SET key_id = ?, access_token = ?, refresh_token = ?, access_expires_at = ? "
                + "WHERE connection_id = ?", access.keyId(), access.ciphertext(), refresh.ciphertext(),
                Timestamp.from(expiresAt), connectionId);
    }

    /** Access is gone: nothing secret stays behind. */
    void deleteTokens(String connectionId) {
        jdbc.update("UPDATE google_calendar SET key_id = NULL, access_token = NULL, refresh_token = NULL, "
                + "access_expires_at = NULL, sync_token = NULL, channel_id = NULL, channel_token_hash = NULL, "
                + "channel_resource_id = NULL, channel_expires_at = NULL WHERE connection_id = ?", connectionId);
    }

    void saveSyncToken(String connectionId, String syncToken) {
        jdbc.update("UPDATE google_calendar SET sync_token = ? WHERE connection_id = ?", syncToken, connectionId);
    }

    void saveChannel(String connectionId, Channel channel) {
        jdbc.update("UPDATE google_calendar SET channel_id = ?, channel_token_hash = ?, channel_resource_id = ?, "
                        + "channel_expires_at = ? WHERE connection_id = ?", channel.id(), channel.tokenHash(),
                channel.resourceId(), Timestamp.from(channel.expiresAt()), connectionId);
    }

    private GoogleCalendar map(ResultSet rs, int rowNumber) throws SQLException {
        return new GoogleCalendar(rs.getString("connection_id"), rs.getString("calendar_id"), rs.getString("key_id"),
                rs.getString("access_token"), rs.getString("refresh_token"), instant(rs, "access_expires_at"),
                rs.getString("sync_token"), rs.getString("channel_id"), rs.getString("channel_token_hash"),
                rs.getString("channel_resource_id"), instant(rs, "channel_expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
