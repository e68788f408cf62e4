package org.vigil.core.cli;

import org.vigil.core.config.VigilConfig;
import org.vigil.core.schedule.Durations;
import org.vigil.core.schedule.Schedule;
import org.vigil.core.schedule.ScheduleOptions;
import org.vigil.core.schedule.StoredSchedules;
import org.vigil.core.schedule.Window;
import org.vigil.core.store.ScheduleTable;
import org.vigil.core.store.StoreException;
import org.vigil.options.OptionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code vigil schedule add|list|remove|next}: the schedules of the config file and those added here. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        subcommands = {ScheduleCommand.Add.class, ScheduleCommand.ListAll.class, ScheduleCommand.Remove.class,
                ScheduleCommand.Next.class},
        description = "Schedules: recording and detection windows, snapshot intervals, timelapse. Those of the config "
                + "file and those added here (kept in the event database); a running daemon applies a change within "
                + "seconds.")
public final class ScheduleCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss xxx");

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "say what to do: vigil schedule add, list, remove or next");
    }

    /** The config (for its cameras and schedules) and the database, read once for a subcommand. */
    private record Sources(VigilConfig config, Path database) {
        List<Schedule> configured() {
            List<Schedule> all = new ArrayList<>();
            config.cameras().values().forEach(camera -> all.addAll(camera.schedules()));
            return all;
        }

        StoredSchedules.Read stored() throws StoreException {
            return StoredSchedules.of(ScheduleTable.list(database), config.cameras().keySet());
        }
    }

    /** {@code -c FILE} and {@code --database FILE}, shared by the subcommands. */
    static final class SourceOptions {
        @Mixin
        private ConfigFileOption config;

        @Option(names = "--database", paramLabel = "FILE", description = "The event database (default: the config's).")
        private Path database;

        /** The config and the database, or empty after one line to {@code err}. */
        Optional<Sources> read(String command, PrintWriter err) {
            return config.load(command, err).map(read -> new Sources(read, database != null ? database : read.database()));
        }
    }

    /** `vigil schedule add CAMERA KEY=VALUE...`. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a schedule for a camera, with the keys of a config file's schedules: entry as "
                    + "KEY=VALUE, e.g. kind=record days=mon-fri from=07:30 to=08:15, or kind=detect "
                    + "cron='0 0 20 * * ?' duration=10h zone=Europe/Berlin except=2026-12-24,2026-12-25. Keys: kind, "
                    + "days, from, to, cron, duration, every, zone, except, only, segment-length (README: Schedules).")
    static final class Add implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private SourceOptions sourceOptions;

        @Parameters(index = "0", paramLabel = "CAMERA", description = "The camera, as the config names it.")
        private String camera;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE", description = "The schedule's keys.")
        private List<String> settings;

        @Override
        public Integer call() throws StoreException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Sources> sources = sourceOptions.read("schedule add", err);
            if (sources.isEmpty()) {
                return Vigil.USAGE;
            }
            if (!sources.get().config().cameras().containsKey(camera)) {
                err.println("schedule add: " + sources.get().config().file() + " has no camera '" + camera + "' (it has "
                        + String.join(", ", sources.get().config().cameras().keySet()) + ")");
                return Vigil.USAGE;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            for (String setting : settings) {
                int equals = setting.indexOf('=');
                if (equals <= 0) {
                    err.println("schedule add: '" + setting + "' is not KEY=VALUE, e.g. from=07:30");
                    return Vigil.USAGE;
                }
                texts.put(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
            }
            Schedule schedule;
            Map<String, String> canonical = new LinkedHashMap<>();
            try {
                Map<String, Object> values = ScheduleOptions.parse(texts);
                schedule = ScheduleOptions.build("cli:new", camera, values);
                for (OptionSpec<?> option : ScheduleOptions.TABLE.specs()) {
                    if (values.containsKey(option.name())) {
                        canonical.put(option.name(), option.format(values.get(option.name())));
                    }
                }
            } catch (IllegalArgumentException e) {
                err.println("schedule add: " + e.getMessage());
                return Vigil.USAGE;
            }
            Instant now = Instant.now();
            long id = ScheduleTable.add(sources.get().database(), camera, canonical, now);
            schedule = ScheduleOptions.build("cli:" + id, camera, ScheduleOptions.parse(canonical));
            out.println("schedule cli:" + id + " added: " + camera + " " + schedule.describe());
            firings(schedule, now, 1).forEach(line -> out.println("next: " + line.text()));
            out.println("a running vigil applies it within a few seconds");
            return Vigil.OK;
        }
    }

    /** `vigil schedule list`. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every schedule: the config file's "
            + "(config:CAMERA:N) and those added with schedule add (cli:ID).")
    static final class ListAll implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private SourceOptions sourceOptions;

        @Override
        public Integer call() throws StoreException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Sources> sources = sourceOptions.read("schedule list", err);
            if (sources.isEmpty()) {
                return Vigil.USAGE;
            }
            StoredSchedules.Read stored = sources.get().stored();
            List<Schedule> all = new ArrayList<>(sources.get().configured());
            all.addAll(stored.schedules());
            if (all.isEmpty()) {
                out.println("no schedules (vigil schedule add, or a schedules: list in a camera's section)");
            }
            for (Schedule schedule : all) {
                out.println(String.format("%-18s %-12s %s", schedule.id(), schedule.camera(), schedule.describe()));
            }
            stored.problems().forEach(problem -> err.println("schedule list: " + problem));
            return Vigil.OK;
        }
    }

    /** `vigil schedule remove ID`. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a schedule added with schedule "
            + "add; a running daemon closes its window within a few seconds.")
    static final class Remove implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private SourceOptions sourceOptions;

        @Parameters(paramLabel = "ID", description = "The schedule's id as schedule list shows it (cli:ID or ID).")
        private String id;

        @Override
        public Integer call() throws StoreException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (id.startsWith("config:")) {
                err.println("schedule remove: " + id + " is in the config file: delete it there and reload "
                        + "(systemctl reload vigil)");
                return Vigil.USAGE;
            }
            long number;
            try {
                number = Long.parseLong(id.startsWith("cli:") ? id.substring(4) : id);
            } catch (NumberFormatException e) {
                err.println("schedule remove: '" + id + "' is not a schedule id (cli:ID, as schedule list shows)");
                return Vigil.USAGE;
            }
            Optional<Sources> sources = sourceOptions.read("schedule remove", err);
            if (sources.isEmpty()) {
                return Vigil.USAGE;
            }
            if (!ScheduleTable.remove(sources.get().database(), number)) {
                err.println("schedule remove: no schedule cli:" + number + " in " + sources.get().database());
                return Vigil.FAILED;
            }
            out.println("schedule cli:" + number + " removed");
            return Vigil.OK;
        }
    }

    /** `vigil schedule next`. */
    @Command(name = "next", mixinStandardHelpOptions = true, description = "Prints the next firings, with their end "
            + "times, in each schedule's local time with its zone's offset.")
    static final class Next implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private SourceOptions sourceOptions;

        @Option(names = "--camera", paramLabel = "NAME", description = "Only this camera's schedules.")
        private String camera;

        @Option(names = "-n", paramLabel = "COUNT", defaultValue = "10", description = "How many (default 10).")
        private int count;

        @Override
        public Integer call() throws StoreException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Sources> sources = sourceOptions.read("schedule next", err);
            if (sources.isEmpty()) {
                return Vigil.USAGE;
            }
            StoredSchedules.Read stored = sources.get().stored();
            List<Schedule> all = new ArrayList<>(sources.get().configured());
            all.addAll(stored.schedules());
            Instant now = Instant.now();
            List<Firing> firings = new ArrayList<>();
            for (Schedule schedule : all) {
                if (camera == null || camera.equals(schedule.camera())) {
                    firings.addAll(firings(schedule, now, count));
                }
            }
            firings.sort(Comparator.comparing(Firing::at));
            firings.stream().limit(count).forEach(firing -> out.println(firing.text()));
            if (firings.isEmpty()) {
                out.println("nothing scheduled" + (camera == null ? "" : " for " + camera));
            }
            stored.problems().forEach(problem -> err.println("schedule next: " + problem));
            return Vigil.OK;
        }
    }

    /** One coming firing, for sorting and printing. */
    record Firing(Instant at, String text) {
    }

    /** A schedule's next {@code count} firings after {@code now}: its windows (an open one first), or its intervals. */
    static List<Firing> firings(Schedule schedule, Instant now, int count) {
        List<Firing> firings = new ArrayList<>();
        String who = String.format("%-12s %-9s %s", schedule.camera(), schedule.kind().key(), schedule.id());
        if (schedule.every().isEmpty()) {
            List<Window> windows = new ArrayList<>();
            schedule.openAt(now).ifPresent(windows::add);
            windows.addAll(schedule.nextWindows(now, count));
            for (Window window : windows.subList(0, Math.min(count, windows.size()))) {
                String open = window.contains(now) ? " (open now)" : "";
                firings.add(new Firing(window.start(), local(window.start(), schedule) + " to " + local(window.end(), schedule)
                        + " (" + Durations.format(window.length()) + ")" + open + "  " + who));
            }
            return firings;
        }
        Instant after = now;
        for (int i = 0; i < count; i++) {
            Optional<Instant> next = schedule.nextFiring(after);
            if (next.isEmpty()) {
                break;
            }
            firings.add(new Firing(next.get(), local(next.get(), schedule) + "  " + who));
            after = next.get();
        }
        return firings;
    }

    private static String local(Instant instant, Schedule schedule) {
        return ZonedDateTime.ofInstant(instant, schedule.zone()).format(WHEN);
    }
}
