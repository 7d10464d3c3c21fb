package io.meetingintel.meeting.reports;

import java.time.LocalDate;

/** One item of an insight: an action item (with owner and due date when known), a decision, a prep point. */
public record InsightEntry(String text, String owner, LocalDate dueDate) {
}
