package io.meetingintel.intelligence.engine.offline;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the due date stated in a sentence, relative to the meeting date. Absolute dates win over relative ones:
 * <ul>
 * <li>ISO {@code 2026-12-01};</li>
 * <li>{@code December 4}, {@code Dec 4th, 2026}, {@code Friday, December 4}, {@code 4 December}: without a year, the
 * first such date on or after the meeting date;</li>
 * <li>{@code today}, {@code tonight}, {@code end of day}, {@code EOD}: the meeting date; {@code tomorrow}: +1 day;</li>
 * <li>{@code end of the week}, {@code EOW}: the Friday on or after the meeting date; {@code end of the month}: its
 * last day;</li>
 * <li>{@code next week}: +7 days; {@code next month}: +1 month; {@code in/within N days|weeks|months};</li>
 * <li>a weekday ({@code by Friday}, {@code on Monday}, {@code this Friday}): the first one after the meeting date;
 * {@code next Friday}: the Friday of the following week.</li>
 * </ul>
 */
final class DueDates {

    private static final String MONTH = "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
            + "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String WEEKDAY = "(?<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String AMOUNT = "(?<amount>\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)";
    private static final Map<String, Integer> WORD_NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10));

    private record Rule(Pattern pattern, BiFunction<Matcher, LocalDate, LocalDate> resolve) {
    }

    private static final List<Rule> RULES = List.of(
            rule("\\b(?<year>\\d{4})-(?<mm>\\d{2})-(?<dd>\\d{2})\\b", (m, date) -> LocalDate.of(
                    Integer.parseInt(m.group("year")), Integer.parseInt(m.group("mm")),
                    Integer.parseInt(m.group("dd")))),
            rule("\\b" + MONTH + "\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<year>\\d{4}))?",
                    DueDates::monthDay),
            rule("\\b(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\b(?:,?\\s+(?<year>\\d{4}))?",
                    DueDates::monthDay),
            rule("\\b(?:today|tonight|eod|end of (?:the |to)?day)\\b", (m, date) -> date),
            rule("\\bday after tomorrow\\b", (m, date) -> date.plusDays(2)),
            rule("\\btomorrow\\b", (m, date) -> date.plusDays(1)),
            rule("\\b(?:eow|end of (?:the |this )?week)\\b",
                    (m, date) -> date.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))),
            rule("\\bend of (?:the |this )?month\\b", (m, date) -> date.with(TemporalAdjusters.lastDayOfMonth())),
            rule("\\bnext week\\b", (m, date) -> date.plusWeeks(1)),
            rule("\\bnext month\\b", (m, date) -> date.plusMonths(1)),
            rule("\\b(?:in|within)\\s+(?:the next\\s+)?" + AMOUNT + "\\s+(?<unit>day|week|month)s?\\b",
                    DueDates::inAmount),
            rule("\\bnext\\s+" + WEEKDAY + "\\b", (m, date) -> date.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                    .with(TemporalAdjusters.nextOrSame(weekday(m)))),
            rule("\\b" + WEEKDAY + "\\b", (m, date) -> date.with(TemporalAdjusters.next(weekday(m)))));

    private DueDates() {
    }

    static Optional<LocalDate> find(String sentence, LocalDate meetingDate) {
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(sentence);
            while (matcher.find()) {
                try {
                    return Optional.of(rule.resolve().apply(matcher, meetingDate));
                } catch (DateTimeException invalidDate) {
                    // "February 30" and the like are not dates; keep looking.
                }
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String regex, BiFunction<Matcher, LocalDate, LocalDate> resolve) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), resolve);
    }

    private static LocalDate monthDay(Matcher matcher, LocalDate meetingDate) {
        int month = monthNumber(matcher.group("month"));
        int day = Integer.parseInt(matcher.group("day"));
        if (matcher.group("year") != null) {
            return LocalDate.of(Integer.parseInt(matcher.group("year")), month, day);
        }
        LocalDate sameYear = LocalDate.of(meetingDate.getYear(), month, day);
        return sameYear.isBefore(meetingDate) ? LocalDate.of(meetingDate.getYear() + 1, month, day) : sameYear;
    }

    private static int monthNumber(String name) {
        List<String> prefixes = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec");
        return prefixes.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }

    private static LocalDate inAmount(Matcher matcher, LocalDate meetingDate) {
        String amountText = matcher.group("amount").toLowerCase(Locale.ROOT);
        int amount = WORD_NUMBERS.containsKey(amountText) ? WORD_NUMBERS.get(amountText) : Integer.parseInt(amountText);
        return switch (matcher.group("unit").toLowerCase(Locale.ROOT)) {
            case "day" -> meetingDate.plusDays(amount);
            case "week" -> meetingDate.plusWeeks(amount);
            default -> meetingDate.plusMonths(amount);
        };
    }

    private static DayOfWeek weekday(Matcher matcher) {
        return DayOfWeek.valueOf(matcher.group("weekday").toUpperCase(Locale.ROOT));
    }
}
