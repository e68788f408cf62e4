package org.vigil.core.schedule;

import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.options.TextType;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The keys of one schedule, the single source for the config's {@code schedules:} entries, {@code vigil schedule add}'s
 * options (the same names) and the stored form of a schedule added with the CLI (each key's text).
 */
public final class ScheduleOptions {
    private static final String NONE = "none";

    public static final OptionSpec<ScheduleKind> KIND = OptionSpec.required("kind", TextType.of(ScheduleKind.class,
            text -> ScheduleKind.byKey(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                    + "' is not a kind of schedule: " + ScheduleKind.keys())), ScheduleKind::key,
            String.join(" | ", Arrays.stream(ScheduleKind.values()).map(ScheduleKind::key).toList())),
            ScheduleKind.RECORD, "What the schedule gates: continuous recording, detection (events armed), a snapshot "
                    + "every interval, or a timelapse frame every interval.");
    public static final OptionSpec<Set<DayOfWeek>> DAYS = OptionSpec.of("days", daysType(),
            EnumSet.allOf(DayOfWeek.class), "The days a window opens on, e.g. mon-fri, sat,sun or [mon, wed]; a window "
                    + "that crosses midnight belongs to the day it opens.");
    public static final OptionSpec<String> FROM = OptionSpec.of("from", timeType(false), NONE,
            "When the window opens on the wall clock, HH:MM in the schedule's zone.");
    public static final OptionSpec<String> TO = OptionSpec.of("to", timeType(true), NONE,
            "When it closes; an end not after the start crosses midnight, 24:00 is the end of the day.");
    public static final OptionSpec<String> CRON = OptionSpec.of("cron", TextType.of(String.class,
            text -> text.strip().isEmpty() || text.strip().equals(NONE) ? NONE : text.strip(), text -> text,
            "a Quartz cron expression"), NONE,
            "Instead of days, from and to: when windows open, as a Quartz cron expression (sec min hour day month "
                    + "weekday), e.g. '0 30 7 ? * MON-FRI'.");
    public static final OptionSpec<Duration> DURATION = OptionSpec.of("duration", durationType(), Duration.ZERO,
            "How long each window of a cron schedule lasts, e.g. 45m or 1h30m.");
    public static final OptionSpec<Duration> EVERY = OptionSpec.of("every", durationType(), Duration.ZERO,
            "For snapshot and timelapse: the interval, e.g. 10m or 30s; without a window, all day.");
    public static final OptionSpec<String> ZONE = OptionSpec.of("zone", TextType.of(String.class,
            ScheduleOptions::checkZone, text -> text, "a zone ID, e.g. Europe/Berlin, or system"), "system",
            "The time zone the schedule's times are in.");
    public static final OptionSpec<Set<LocalDate>> EXCEPT = OptionSpec.of("except", datesType(), Set.of(),
            "Dates the schedule does not run on (holidays), e.g. [2026-12-25, 2027-01-01].");
    public static final OptionSpec<Set<LocalDate>> ONLY = OptionSpec.of("only", datesType(), Set.of(),
            "When given, the only dates the schedule runs on (a one-off).");
    public static final OptionSpec<Duration> SEGMENT_LENGTH = OptionSpec.of("segment-length", durationType(),
            Schedule.DEFAULT_SEGMENT, "For record: how long each movie of a window is before the next one starts.");

    public static final OptionTable TABLE = OptionTable.of(KIND, DAYS, FROM, TO, CRON, DURATION, EVERY, ZONE, EXCEPT,
            ONLY, SEGMENT_LENGTH);
    /** The keys whose value may be a YAML list as well as one text. */
    public static final Set<String> LISTS = Set.of(DAYS.name(), EXCEPT.name(), ONLY.name());

    private ScheduleOptions() {
    }

    /**
     * A schedule from its keys' values (parsed by the specs above), or an IllegalArgumentException saying what is
     * missing or contradicts.
     */
    @SuppressWarnings("unchecked")
    public static Schedule build(String id, String camera, Map<String, Object> values) {
        ScheduleKind kind = (ScheduleKind) values.get(KIND.name());
        if (kind == null) {
            throw new IllegalArgumentException("missing 'kind': " + ScheduleKind.keys());
        }
        String zoneText = (String) values.getOrDefault(ZONE.name(), ZONE.defaultValue());
        ZoneId zone = zoneText.equals("system") ? ZoneId.systemDefault() : ZoneId.of(zoneText);
        String cron = (String) values.getOrDefault(CRON.name(), NONE);
        String from = (String) values.getOrDefault(FROM.name(), NONE);
        String to = (String) values.getOrDefault(TO.name(), NONE);
        Duration duration = (Duration) values.getOrDefault(DURATION.name(), Duration.ZERO);
        boolean weekly = !from.equals(NONE) || !to.equals(NONE) || values.containsKey(DAYS.name());
        Optional<WindowRule> window = Optional.empty();
        if (!cron.equals(NONE)) {
            if (weekly) {
                throw new IllegalArgumentException("give either cron with duration, or days with from and to, not both");
            }
            if (duration.isZero()) {
                throw new IllegalArgumentException("a cron window needs its duration, e.g. duration: 45m");
            }
            window = Optional.of(new CronRule(cron, duration));
        } else if (weekly) {
            if (from.equals(NONE) || to.equals(NONE)) {
                throw new IllegalArgumentException("a window needs both from and to (HH:MM)");
            }
            if (!duration.isZero()) {
                throw new IllegalArgumentException("duration goes with cron; with from and to the window's length is "
                        + "their difference");
            }
            Set<DayOfWeek> days = (Set<DayOfWeek>) values.getOrDefault(DAYS.name(), DAYS.defaultValue());
            boolean midnight = to.equals("24:00");
            window = Optional.of(new WeeklyRule(days, LocalTime.parse(from), midnight ? LocalTime.MIDNIGHT
                    : LocalTime.parse(to), midnight));
        } else if (!duration.isZero()) {
            throw new IllegalArgumentException("duration goes with cron: add the cron expression that opens the windows");
        }
        Duration every = (Duration) values.getOrDefault(EVERY.name(), Duration.ZERO);
        if (!every.isZero() && !kind.needsInterval()) {
            throw new IllegalArgumentException("'every' is for snapshot and timelapse; a " + kind.key()
                    + " schedule runs for its windows");
        }
        Set<LocalDate> except = (Set<LocalDate>) values.getOrDefault(EXCEPT.name(), Set.of());
        Set<LocalDate> only = (Set<LocalDate>) values.getOrDefault(ONLY.name(), Set.of());
        Duration segment = (Duration) values.getOrDefault(SEGMENT_LENGTH.name(), SEGMENT_LENGTH.defaultValue());
        return new Schedule(id, camera, kind, window, every.isZero() ? Optional.empty() : Optional.of(every), zone,
                new DateExceptions(except, only, zone), segment);
    }

    /** Each key's text, as given: what the event database keeps for a schedule added with the CLI. */
    public static Map<String, Object> parse(Map<String, String> texts) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            OptionSpec<?> spec = TABLE.specs().stream().filter(s -> s.name().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(org.vigil.options.OptionTable.unknownProblem("key",
                            entry.getKey(), TABLE.specs().stream().map(OptionSpec::name).toList())));
            values.put(spec.name(), spec.parse(entry.getValue()));
        }
        return values;
    }

    private static TextType<String> timeType(boolean endOfDay) {
        return TextType.of(String.class, text -> {
            String t = text.strip();
            if (t.equals(NONE)) {
                return NONE;
            }
            if (endOfDay && t.equals("24:00")) {
                return t;
            }
            try {
                return LocalTime.parse(t.length() == 4 ? "0" + t : t).toString();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a time of day: write HH:MM, e.g. 07:30"
                        + (endOfDay ? " (24:00 for the end of the day)" : ""));
            }
        }, text -> text, endOfDay ? "HH:MM or 24:00" : "HH:MM");
    }

    private static TextType<Duration> durationType() {
        return TextType.of(Duration.class, Durations::parse, d -> d.isZero() ? NONE : Durations.format(d),
                "a duration: 90s, 45m, 1h30m, 2d");
    }

    @SuppressWarnings("unchecked")
    private static TextType<Set<DayOfWeek>> daysType() {
        return TextType.of((Class<Set<DayOfWeek>>) (Class<?>) Set.class, ScheduleOptions::days,
                ScheduleOptions::formatDays, "daily, weekdays, weekends, mon-fri, sat,sun");
    }

    @SuppressWarnings("unchecked")
    private static TextType<Set<LocalDate>> datesType() {
        return TextType.of((Class<Set<LocalDate>>) (Class<?>) Set.class, ScheduleOptions::dates,
                dates -> dates.isEmpty() ? NONE : new TreeSet<>(dates).stream().map(LocalDate::toString)
                        .collect(Collectors.joining(",")), "dates YYYY-MM-DD, as a list or joined by ','");
    }

    static Set<DayOfWeek> days(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        switch (t) {
            case "daily", "all", "every-day" -> {
                return EnumSet.allOf(DayOfWeek.class);
            }
            case "weekdays" -> {
                return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            }
            case "weekends" -> {
                return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
            default -> {
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : t.split(",")) {
            String[] range = part.split("-");
            if (range.length == 1) {
                days.add(day(range[0], text));
            } else if (range.length == 2) {
                DayOfWeek first = day(range[0], text);
                DayOfWeek last = day(range[1], text);
                for (DayOfWeek d = first; ; d = d.plus(1)) { // fri-mon wraps over the weekend
                    days.add(d);
                    if (d == last) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("'" + text + "' is not a list of days: write e.g. mon-fri or sat,sun");
            }
        }
        return days;
    }

    private static DayOfWeek day(String word, String whole) {
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.getDisplayName(TextStyle.FULL, Locale.ROOT).toLowerCase(Locale.ROOT);
            if (word.length() >= 2 && full.startsWith(word)) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + word + "' in '" + whole + "' is not a day: mon, tue, wed, thu, fri, "
                + "sat or sun");
    }

    static String formatDays(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "daily";
        }
        return days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    static Set<LocalDate> dates(String text) {
        Set<LocalDate> dates = new TreeSet<>();
        String t = text.strip();
        if (t.isEmpty() || t.equals(NONE)) {
            return dates;
        }
        for (String part : t.split(",")) {
            try {
                dates.add(LocalDate.parse(part.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a date: write YYYY-MM-DD, e.g. 2026-12-25");
            }
        }
        return dates;
    }

    private static String checkZone(String text) {
        String t = text.strip();
        if (t.equals("system")) {
            return t;
        }
        try {
            return ZoneId.of(t).getId();
        } catch (DateTimeException e) {
            List<String> near = ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.toLowerCase(Locale.ROOT).contains(t.toLowerCase(Locale.ROOT))).sorted().limit(3)
                    .toList();
            throw new IllegalArgumentException("'" + text + "' is not a time zone: write an ID such as Europe/Berlin or "
                    + "America/New_York" + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)"));
        }
    }
}
