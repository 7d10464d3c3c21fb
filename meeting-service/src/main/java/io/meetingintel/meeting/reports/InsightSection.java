package io.meetingintel.meeting.reports;

import java.util.Locale;

/** The kinds of insight the meeting view shows; running notes and other kinds are not kept here. */
public enum InsightSection {
    PREP_MATERIALS, SUMMARY, ACTION_ITEMS, DECISIONS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InsightSection fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
