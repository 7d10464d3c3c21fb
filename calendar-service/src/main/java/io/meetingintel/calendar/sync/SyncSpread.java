package io.meetingintel.calendar.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Next-run times one interval away plus up to 10% random delay: connections synced at the same moment (a restart's
 * catch-up, a burst of connects) drift apart over the interval instead of hitting the source together forever.
 */
public record SyncSpread(Duration interval) {

    private static final double JITTER = 0.1;

    public Instant nextAfter(Instant now) {
        double factor = 1 + ThreadLocalRandom.current().nextDouble(JITTER);
        return now.plusMillis(Math.max(1, Math.round(interval.toMillis() * factor)));
    }
}
