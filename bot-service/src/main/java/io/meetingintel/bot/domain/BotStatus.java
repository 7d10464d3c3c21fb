package io.meetingintel.bot.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bot status machine of seed 003: a single happy path from INITIALIZED to DONE, and ERROR from any non-final
 * status. The first three statuses come from the bot provider, the processing ones from our own pipeline progress.
 */
public enum BotStatus {
    INITIALIZED,
    CONNECTING,
    CONNECTED,
    TRANSCRIBING,
    ANALYZING_MEETING,
    CREATING_TASKS,
    DONE,
    ERROR;

    private static final List<BotStatus> HAPPY_PATH = List.of(INITIALIZED, CONNECTING, CONNECTED, TRANSCRIBING,
            ANALYZING_MEETING, CREATING_TASKS, DONE);

    public boolean isFinal() {
        return this == DONE || this == ERROR;
    }

    /** The status after this one on the happy path; empty for the final statuses. */
    public Optional<BotStatus> next() {
        int index = HAPPY_PATH.indexOf(this);
        return index < 0 || index == HAPPY_PATH.size() - 1 ? Optional.empty() : Optional.of(HAPPY_PATH.get(index + 1));
    }

    public boolean canMoveTo(BotStatus target) {
        return !isFinal() && (target == ERROR || next().orElse(null) == target);
    }

    /**
     * The happy-path statuses to walk through, in order, to get from this status to the target (the target last);
     * empty when the target is not ahead of this status on the happy path.
     */
    public List<BotStatus> stepsTo(BotStatus target) {
        List<BotStatus> steps = new ArrayList<>();
        int from = HAPPY_PATH.indexOf(this);
        int to = HAPPY_PATH.indexOf(target);
        if (from < 0 || to <= from) {
            return steps;
        }
        steps.addAll(HAPPY_PATH.subList(from + 1, to + 1));
        return steps;
    }
}
