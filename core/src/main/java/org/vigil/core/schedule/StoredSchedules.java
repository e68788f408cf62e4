package org.vigil.core.schedule;

import org.vigil.core.store.StoredSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The schedules added with the CLI, as schedules: each re-read through {@link ScheduleOptions}, as it was checked. */
public final class StoredSchedules {
    /** What reading gave: the schedules, and one line for each that no longer makes sense (its camera is gone). */
    public record Read(List<Schedule> schedules, List<String> problems) {
    }

    private StoredSchedules() {
    }

    public static Read of(List<StoredSchedule> stored, Set<String> cameras) {
        List<Schedule> schedules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (StoredSchedule row : stored) {
            if (!cameras.contains(row.camera())) {
                problems.add("schedule " + row.scheduleId() + " is for camera '" + row.camera() + "', which the config "
                        + "no longer has: it stays stored but does nothing (vigil schedule remove " + row.id() + ")");
                continue;
            }
            try {
                schedules.add(ScheduleOptions.build(row.scheduleId(), row.camera(), ScheduleOptions.parse(row.options())));
            } catch (IllegalArgumentException e) {
                problems.add("schedule " + row.scheduleId() + " cannot be used: " + e.getMessage());
            }
        }
        return new Read(schedules, problems);
    }
}
