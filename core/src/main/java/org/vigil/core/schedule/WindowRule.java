package org.vigil.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** When a schedule's windows open and how long each lasts, in its zone. */
public sealed interface WindowRule permits WeeklyRule, CronRule {
    /**
     * The windows that overlap {@code [from, to)}, in order of their start, on the dates the exceptions allow.
     * Two that open at the same instant (two wall-clock times in one spring gap) are one.
     */
    List<Window> windows(Instant from, Instant to, ZoneId zone, DateExceptions exceptions);

    /** The longest a window can last: how far back a window that is still open may have opened. */
    Duration longest();

    /** How the config and the CLI write it. */
    String describe();
}
