package io.meetingintel.calendar.google;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** OAuth states by their SHA-256: bound to a user, usable once, until they expire. */
@Repository
class OAuthStateRepository {

    private final JdbcTemplate jdbc;

    OAuthStateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String stateHash, String userId, Instant createdAt, Instant expiresAt) {
        jdbc.update("INSERT INTO google_oauth_state (state_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                stateHash, userId, Timestamp.from(createdAt), Timestamp.from(expiresAt));
    }

    /** Marks the state used if it is this user's, unused and not expired; atomically, so it works only once. */
    boolean consume(String stateHash, String userId, Instant now) {
        return jdbc.update("UPDATE google_oauth_state SET used_at = ? WHERE state_hash = ? AND user_id = ? "
                + "AND used_at IS NULL AND expires_at > ?", Timestamp.from(now), stateHash, userId,
                Timestamp.from(now)) == 1;
    }

    /** States expired a day ago or more tell nobody anything. */
    int deleteExpired(Instant before) {
        return jdbc.update("DELETE FROM google_oauth_state WHERE expires_at < ?", Timestamp.from(before));
    }
}
