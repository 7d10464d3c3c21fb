package io.meetingintel.calendar.feed;

import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.ConferenceLink;
import io.meetingintel.calendar.event.Participant;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an iCalendar feed into the normalized occurrences that overlap a time window: all-day events are skipped
 * (nobody joins them with a bot), recurring events are expanded (RRULE, RDATE, EXDATE) and overridden occurrences
 * (RECURRENCE-ID) replace the ones they override. Floating times (no zone) are read as UTC.
 */
public final class IcsParser {

    private static final Logger log = LoggerFactory.getLogger(IcsParser.class);
    private static final DateTimeFormatter RECURRENCE_ID_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String UNTITLED = "(no title)";

    /** Occurrences that overlap [windowStart, windowEnd), ordered by start. */
    public List<CalendarEvent> parse(InputStream ics, Instant windowStart, Instant windowEnd) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(ics);
        } catch (IOException | ParserException | RuntimeException e) {
            throw new FeedException("Not a readable iCalendar feed: " + e.getMessage(), e);
        }
        Map<String, VEvent> masters = new LinkedHashMap<>();
        Map<String, Map<Instant, VEvent>> overridesByUid = new HashMap<>();
        for (VEvent vevent : calendar.<VEvent>getComponents(Component.VEVENT)) {
            Optional<String> uid = text(vevent, Property.UID);
            if (uid.isEmpty()) {
                log.warn("Skipping a VEVENT without UID (summary '{}')", text(vevent, Property.SUMMARY).orElse(""));
                continue;
            }
            Optional<Instant> recurrenceId = vevent.<DateProperty<Temporal>>getProperty(Property.RECURRENCE_ID)
                    .map(property -> toInstant(property.getDate()));
            if (recurrenceId.isPresent()) {
                overridesByUid.computeIfAbsent(uid.get(), key -> new HashMap<>()).put(recurrenceId.get(), vevent);
            } else {
                masters.put(uid.get(), vevent);
            }
        }
        List<CalendarEvent> occurrences = new ArrayList<>();
        masters.forEach((uid, master) -> {
            if (!isAllDay(master)) {
                occurrences.addAll(expand(uid, master, overridesByUid.getOrDefault(uid, Map.of()), windowStart, windowEnd));
            }
        });
        occurrences.sort(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::externalEventId));
        return occurrences;
    }

    private List<CalendarEvent> expand(String uid, VEvent master, Map<Instant, VEvent> overrides,
                                       Instant windowStart, Instant windowEnd) {
        Instant start = toInstant(startOf(master));
        Instant end = endOf(master, start);
        if (master.getProperty(Property.RRULE).isEmpty() && master.getProperty(Property.RDATE).isEmpty()) {
            CalendarEvent single = normalize(master, uid, null, start, end);
            return overlaps(single, windowStart, windowEnd) ? List.of(single) : List.of();
        }
        Duration length = Duration.between(start, end);
        // Occurrences that started before the window but are still running count too.
        Period<ZonedDateTime> searched = new Period<>(windowStart.minus(length).atZone(ZoneOffset.UTC),
                windowEnd.atZone(ZoneOffset.UTC));
        List<CalendarEvent> result = new ArrayList<>();
        Set<Instant> expanded = new HashSet<>();
        for (Period<Temporal> occurrence : master.<Temporal>calculateRecurrenceSet(searched)) {
            Instant originalStart = toInstant(occurrence.getStart());
            expanded.add(originalStart);
            String recurrenceId = RECURRENCE_ID_FORMAT.format(originalStart);
            VEvent override = overrides.get(originalStart);
            CalendarEvent event = override == null
                    ? normalize(master, uid, recurrenceId, originalStart, originalStart.plus(length))
                    : normalizeOverride(override, uid, recurrenceId);
            if (event != null && overlaps(event, windowStart, windowEnd)) {
                result.add(event);
            }
        }
        // An occurrence moved into the window from outside it is only known through its override.
        overrides.forEach((originalStart, override) -> {
            if (!expanded.contains(originalStart)) {
                CalendarEvent event = normalizeOverride(override, uid, RECURRENCE_ID_FORMAT.format(originalStart));
                if (event != null && overlaps(event, windowStart, windowEnd)) {
                    result.add(event);
                }
            }
        });
        return result;
    }

    private CalendarEvent normalizeOverride(VEvent override, String uid, String recurrenceId) {
        if (isAllDay(override)) {
            return null;
        }
        Instant start = toInstant(startOf(override));
        return normalize(override, uid, recurrenceId, start, endOf(override, start));
    }

    private CalendarEvent normalize(VEvent vevent, String uid, String recurrenceId, Instant start, Instant end) {
        Optional<String> url = text(vevent, Property.URL);
        Optional<String> location = text(vevent, Property.LOCATION);
        Optional<String> description = text(vevent, Property.DESCRIPTION);
        Participant organizer = vevent.getProperty(Property.ORGANIZER)
                .map(property -> participant(property, true)).orElse(null);
        List<Participant> attendees = vevent.getProperties(Property.ATTENDEE).stream()
                .map(property -> participant(property,
                        organizer != null && organizer.email().equalsIgnoreCase(emailOf(property))))
                .toList();
        ConferenceLink conference = ConferenceLinkDetector
                .detect(url.orElse(null), location.orElse(null), description.orElse(null)).orElse(null);
        boolean cancelled = text(vevent, Property.STATUS).map("CANCELLED"::equalsIgnoreCase).orElse(false);
        return new CalendarEvent(uid, recurrenceId, text(vevent, Property.SUMMARY).orElse(UNTITLED),
                description.orElse(null), location.orElse(null), start, end, organizer, attendees, conference,
                cancelled);
    }

    private static Participant participant(Property property, boolean organizer) {
        String displayName = property.getParameter(Parameter.CN).map(Parameter::getValue).orElse(null);
        Participant.Response response = property.getParameter(Parameter.PARTSTAT)
                .map(parameter -> response(parameter.getValue()))
                .orElse(organizer ? Participant.Response.ACCEPTED : Participant.Response.NEEDS_ACTION);
        return new Participant(emailOf(property), displayName, response, organizer);
    }

    private static Participant.Response response(String partstat) {
        return switch (partstat.toUpperCase(Locale.ROOT)) {
            case "ACCEPTED" -> Participant.Response.ACCEPTED;
            case "DECLINED" -> Participant.Response.DECLINED;
            case "TENTATIVE" -> Participant.Response.TENTATIVE;
            case "NEEDS-ACTION" -> Participant.Response.NEEDS_ACTION;
            default -> Participant.Response.UNKNOWN;
        };
    }

    private static String emailOf(Property calAddress) {
        String value = calAddress.getValue().trim();
        return value.regionMatches(true, 0, "mailto:", 0, 7) ? value.substring(7) : value;
    }

    private static boolean overlaps(CalendarEvent event, Instant windowStart, Instant windowEnd) {
        return event.start().isBefore(windowEnd)
                && (event.end().isAfter(windowStart) || event.start().equals(windowStart));
    }

    private static boolean isAllDay(VEvent vevent) {
        return startOf(vevent) instanceof LocalDate;
    }

    private static Temporal startOf(VEvent vevent) {
        return vevent.<DateProperty<Temporal>>getProperty(Property.DTSTART)
                .map(DateProperty::getDate)
                .orElseThrow(() -> new FeedException("VEVENT " + text(vevent, Property.UID).orElse("?")
                        + " has no DTSTART"));
    }

    private static Instant endOf(VEvent vevent, Instant start) {
        Optional<Instant> end = vevent.<DateProperty<Temporal>>getProperty(Property.DTEND)
                .map(property -> toInstant(property.getDate()));
        if (end.isPresent()) {
            return end.get().isBefore(start) ? start : end.get();
        }
        return vevent.<net.fortuna.ical4j.model.property.Duration>getProperty(Property.DURATION)
                .map(net.fortuna.ical4j.model.property.Duration::getDuration)
                .map(amount -> plus(start, amount))
                .orElse(start);
    }

    private static Instant plus(Instant start, TemporalAmount amount) {
        return start.atZone(ZoneOffset.UTC).plus(amount).toInstant();
    }

    private static Instant toInstant(Temporal temporal) {
        return switch (temporal) {
            case Instant instant -> instant;
            case ZonedDateTime zoned -> zoned.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            case LocalDateTime floating -> floating.toInstant(ZoneOffset.UTC);
            case LocalDate date -> date.atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> throw new FeedException("Unsupported date value " + temporal);
        };
    }

    private static Optional<String> text(VEvent vevent, String name) {
        return vevent.getProperty(name).map(Property::getValue).map(String::strip).filter(value -> !value.isEmpty());
    }
}
