package io.meetingintel.calendar.connection;

/** How many occurrences a sync found new, changed, cancelled (or gone) and unchanged. */
public record SyncCounts(int created, int updated, int cancelled, int unchanged) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0);
}
