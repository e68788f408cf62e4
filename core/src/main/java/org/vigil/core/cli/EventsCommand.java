package org.vigil.core.cli;

import org.vigil.core.store.EventQuery;
import org.vigil.core.store.EventTable;
import org.vigil.core.store.StoreException;
import org.vigil.core.store.StoredEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What happened: the events in the database, as a table or JSON; `show ID` one of them with its files. */
@Command(name = "events", mixinStandardHelpOptions = true, subcommands = {EventsCommand.Show.class, EventsCommand.Keep.class},
        description = "Lists the events in the event database (start in local time, duration, camera, peak changed "
                + "area, zones, why it ended, files); reads while the daemon writes, never holding it up.")
public final class EventsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DatabaseOption database;

    @Option(names = "--camera", paramLabel = "NAME", description = "Only this camera's events.")
    private String camera;

    @Option(names = "--since", paramLabel = "TIME", description = "Events that started at or after TIME: an age "
            + "(30m, 2h, 7d), a date (2026-11-30) or a local date and time (2026-11-30T22:00).")
    private String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Events that started before TIME (as --since).")
    private String until;

    @Option(names = "--json", description = "One JSON object per line instead of the table.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ZoneId zone = ZoneId.systemDefault();
        Instant now = Instant.now();
        Optional<Instant> from;
        Optional<Instant> to;
        try {
            from = Optional.ofNullable(since).map(t -> TimeArgument.parse(t, now, zone));
            to = Optional.ofNullable(until).map(t -> TimeArgument.parse(t, now, zone));
        } catch (IllegalArgumentException e) {
            err.println("events: " + e.getMessage());
            return Vigil.USAGE;
        }
        return withQuery(database, err, query -> {
            List<StoredEvent> events = query.events(Optional.ofNullable(camera), from, to);
            if (json) {
                EventTable.json(events, out);
            } else {
                EventTable.table(events, zone, out);
            }
            return Vigil.OK;
        });
    }

    /** `vigil events show ID`. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one event with its files.")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DatabaseOption database;

        @Parameters(paramLabel = "ID", description = "The event's id (the first column of `vigil events`).")
        private long id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return withQuery(database, err, query -> {
                Optional<StoredEvent> event = query.event(id);
                if (event.isEmpty()) {
                    err.println("events show: no event " + id + " in " + query.file());
                    return Vigil.FAILED;
                }
                EventTable.show(event.get(), ZoneId.systemDefault(), out);
                return Vigil.OK;
            });
        }
    }

    /** `vigil events keep ID [--off]`. */
    @Command(name = "keep", mixinStandardHelpOptions = true, description = "Marks an event kept: retention never "
            + "deletes its files for their age, and for space only when nothing else is left; --off undoes it.")
    static final class Keep implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DatabaseOption database;

        @Parameters(paramLabel = "ID", description = "The event's id (the first column of `vigil events`).")
        private long id;

        @Option(names = "--off", description = "No longer keep it.")
        private boolean off;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Path> file = database.resolve("events keep", err);
            if (file.isEmpty()) {
                return Vigil.USAGE;
            }
            try {
                if (!org.vigil.core.store.RetentionRows.keep(file.get(), id, !off)) {
                    err.println("events keep: no event " + id + " in " + file.get());
                    return Vigil.FAILED;
                }
            } catch (StoreException e) {
                err.println("events keep: " + e.getMessage());
                return Vigil.FAILED;
            }
            out.println("event " + id + (off ? " no longer kept" : " kept: retention deletes its files last"));
            return Vigil.OK;
        }
    }

    private interface Reading {
        int read(EventQuery query) throws SQLException;
    }

    private static int withQuery(DatabaseOption database, PrintWriter err, Reading reading) {
        Optional<Path> file = database.resolve("events", err);
        if (file.isEmpty()) {
            return Vigil.USAGE;
        }
        try (EventQuery query = EventQuery.open(file.get())) {
            return reading.read(query);
        } catch (StoreException e) {
            err.println("events: " + e.getMessage());
            return Vigil.FAILED;
        } catch (SQLException e) {
            err.println("events: " + file.get() + ": " + e.getMessage());
            return Vigil.FAILED;
        }
    }
}
