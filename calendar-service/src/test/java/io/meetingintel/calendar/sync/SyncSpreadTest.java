package io.meetingintel.calendar.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyncSpreadTest {

    @Test
    void nextRunsAreOneIntervalAwayPlusUpToTenPercentSpreadOut() {
        SyncSpread spread = new SyncSpread(Duration.ofMinutes(15));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Set<Instant> runs = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            Instant next = spread.nextAfter(now);
            assertThat(next).isBetween(now.plus(Duration.ofMinutes(15)), now.plus(Duration.ofSeconds(990)));
            runs.add(next);
        }
        assertThat(runs).hasSizeGreaterThan(500);
    }
}
