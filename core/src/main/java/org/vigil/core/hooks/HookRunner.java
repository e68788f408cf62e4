package org.vigil.core.hooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.config.HookCommands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the configured hooks: each a process started from its argument list without a shell, at most
 * {@value #AT_ONCE} at a time for the whole daemon, each killed (with its children) at the time limit and always
 * waited for, so none is left a zombie. Its output goes to the log under the hook's name, a line at a time, at most
 * {@value #LOGGED_LINES} lines a run (a hook that floods is cut off in the log, not in its pipe). Callers never wait:
 * a hook that fails, hangs or floods costs its own slot only; when every slot is busy and
 * {@value #WAITING} more wait, further calls are dropped and counted.
 */
public final class HookRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HookRunner.class);
    static final int AT_ONCE = 4;
    static final int WAITING = 64;
    static final int LOGGED_LINES = 50;

    private final HookCommands commands;
    private final ZoneId zone;
    private final ThreadPoolExecutor pool;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();

    public HookRunner(HookCommands commands, ZoneId zone) {
        this.commands = commands;
        this.zone = zone;
        this.pool = new ThreadPoolExecutor(AT_ONCE, AT_ONCE, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING),
                task -> {
                    Thread thread = new Thread(task, "vigil-hook");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs the hook configured for the call's kind, if there is one; returns at once. */
    public void run(HookCall call) {
        List<String> template = commands.command(call.kind()).orElse(null);
        if (template == null) {
            return;
        }
        List<String> args = call.arguments(template, zone);
        try {
            pool.execute(() -> runOne(call, args));
        } catch (RejectedExecutionException e) {
            long n = dropped.incrementAndGet();
            log.warn("hook {} for camera {} not run: {} hooks are running and {} waiting (dropped so far: {})",
                    call.kind().key(), call.camera(), AT_ONCE, WAITING, n);
        }
    }

    /** Hooks finished so far (tests). */
    public long runs() {
        return runs.get();
    }

    private void runOne(HookCall call, List<String> args) {
        String name = call.kind().key();
        Duration limit = commands.timeout();
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(call.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            log.warn("hook {}: cannot start {}: {}; check the path and that it is executable", name, args.get(0),
                    e.getMessage());
            runs.incrementAndGet();
            return;
        }
        Thread reader = new Thread(() -> logOutput(name, process), "vigil-hook-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                log.warn("hook {}: {} ran longer than {} s and was killed", name, args.get(0), limit.toSeconds());
            } else if (process.exitValue() != 0) {
                log.warn("hook {}: {} exited with status {}", name, args.get(0), process.exitValue());
            }
            reader.join(1000);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            runs.incrementAndGet();
        }
    }

    private static void logOutput(String name, Process process) {
        int lines = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (++lines <= LOGGED_LINES) {
                    log.info("hook {}: {}", name, line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        if (lines > LOGGED_LINES) {
            log.info("hook {}: {} more lines not logged", name, lines - LOGGED_LINES);
        }
    }

    /**
     * Lets running hooks finish for up to 2 s, then kills them (a stop must not wait out a hook's time limit: systemd
     * waits 20 s); hooks still waiting are not run.
     */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                pool.shutdownNow(); // interrupts the waits: each kills its process
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
