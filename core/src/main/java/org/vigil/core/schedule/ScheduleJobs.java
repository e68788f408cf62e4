package org.vigil.core.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

import java.time.Instant;

/** The Quartz jobs: each finds the service in the scheduler's context and hands it what fired. */
final class ScheduleJobs {
    static final String SERVICE = "vigil.schedules";
    static final String SCHEDULE = "schedule";
    static final String START = "start";
    static final String END = "end";
    static final String TASK = "task";

    private ScheduleJobs() {
    }

    private static ScheduleService service(JobExecutionContext context) throws JobExecutionException {
        try {
            return (ScheduleService) context.getScheduler().getContext().get(SERVICE);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
    }

    private static Window window(JobDataMap data) {
        return new Window(Instant.ofEpochMilli(data.getLong(START)), Instant.ofEpochMilli(data.getLong(END)));
    }

    /** A window of a schedule opens. */
    @DisallowConcurrentExecution
    public static final class Open implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            JobDataMap data = context.getMergedJobDataMap();
            service(context).opened(data.getString(SCHEDULE), window(data));
        }
    }

    /** A window of a schedule closes. */
    @DisallowConcurrentExecution
    public static final class Close implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            JobDataMap data = context.getMergedJobDataMap();
            service(context).closed(data.getString(SCHEDULE), window(data));
        }
    }

    /** A snapshot or timelapse interval fires. */
    public static final class Interval implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            service(context).intervalFired(context.getMergedJobDataMap().getString(SCHEDULE));
        }
    }

    /** A task of the daemon's own (retention), found in the scheduler's context by name. */
    @DisallowConcurrentExecution
    public static final class Task implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                Runnable task = (Runnable) context.getScheduler().getContext()
                        .get(context.getMergedJobDataMap().getString(TASK));
                if (task != null) {
                    task.run();
                }
            } catch (SchedulerException e) {
                throw new JobExecutionException(e);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ScheduleJobs.class).error("{} failed; it runs again at its next turn",
                        context.getJobDetail().getKey().getName(), e);
            }
        }
    }

    /** Looks for schedules added or removed with the CLI. */
    @DisallowConcurrentExecution
    public static final class Watch implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            service(context).watch();
        }
    }
}
