package io.meetingintel.meeting.domain;

import java.util.Locale;

/** Preparation workflow of a meeting: the owner is notified that prep is due, then the materials arrive. */
public enum PrepStatus {
    NOT_STARTED, NOTIFIED, COMPLETED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PrepStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean canAdvanceTo(PrepStatus target) {
        return target.ordinal() > ordinal();
    }
}
