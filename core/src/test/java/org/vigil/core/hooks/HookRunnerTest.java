package org.vigil.core.hooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.config.HookCommands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HookRunnerTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant T = Instant.parse("2026-11-30T22:15:03Z");

    @TempDir
    Path dir;

    /** A hook program that writes each argument, then each VIGIL_ variable, NUL-terminated, into the file in $1. */
    private Path recorder() throws IOException {
        Path script = dir.resolve("record.sh");
        Files.writeString(script, """
                #!/bin/sh
                out=$1; shift
                for a in "$@"; do printf '%s\\0' "$a"; done > "$out.tmp"
                env | grep '^VIGIL_' | sort | tr '\\n' '\\0' >> "$out.tmp"
                mv "$out.tmp" "$out"
                """);
        script.toFile().setExecutable(true);
        return script;
    }

    private static List<String> await(Path file) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(file)) {
            assertTrue(System.nanoTime() < end, "the hook did not write " + file);
            Thread.sleep(20);
        }
        return Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\0"));
    }

    @Test
    void argumentsAndEnvironmentAreAsDocumented() throws Exception {
        Path out = dir.resolve("out");
        HookCommands commands = new HookCommands(Map.of(HookKind.ON_EVENT_END, List.of(recorder().toString(),
                out.toString(), "%v", "%t", "%f", "%Y%m%d%H%M%S", "100%%", "%q")), Duration.ofSeconds(10));
        try (HookRunner runner = new HookRunner(commands, UTC)) {
            runner.run(new HookCall(HookKind.ON_EVENT_START, "porch", Optional.of(7L), Optional.empty(), T,
                    Optional.empty(), List.of())); // no hook for this kind: nothing runs
            runner.run(new HookCall(HookKind.ON_EVENT_END, "porch", Optional.of(7L), Optional.of(Path.of("/v/a.mp4")), T,
                    Optional.of("gap"), List.of("door", "gate")));
            List<String> got = await(out);
            assertEquals(List.of("7", "porch", "/v/a.mp4", "20261130221503", "100%", "%q",
                    "VIGIL_CAMERA=porch", "VIGIL_EVENT_ID=7", "VIGIL_FILE=/v/a.mp4", "VIGIL_HOOK=on-event-end",
                    "VIGIL_REASON=gap", "VIGIL_TIME=2026-11-30T22:15:03Z", "VIGIL_ZONES=door,gate"), got);
        }
    }

    @Test
    void aNameMadeToInjectACommandArrivesAsOnePlainArgument() throws Exception {
        Path out = dir.resolve("out");
        Path pwned = dir.resolve("pwned");
        String hostile = "a\"b'c; touch " + pwned + " $(touch " + pwned + ") `touch " + pwned + "`\nnext line";
        HookCommands commands = new HookCommands(Map.of(HookKind.ON_CAMERA_LOST, List.of(recorder().toString(),
                out.toString(), "%t", "camera %t lost")), Duration.ofSeconds(10));
        try (HookRunner runner = new HookRunner(commands, UTC)) {
            runner.run(new HookCall(HookKind.ON_CAMERA_LOST, hostile, Optional.empty(), Optional.empty(), T,
                    Optional.of(hostile), List.of(hostile)));
            List<String> got = await(out);
            assertEquals(hostile, got.get(0));
            assertEquals("camera " + hostile + " lost", got.get(1));
            assertTrue(got.contains("VIGIL_ZONES=" + hostile.substring(0, hostile.indexOf('\n'))),
                    "the environment carries it too (env prints the newline as a line break): " + got);
        }
        assertFalse(Files.exists(pwned), "a command in a name was run");
    }

    @Test
    void aHookPastItsTimeIsKilledAndDoesNotDelayTheNext() throws Exception {
        Path out = dir.resolve("out");
        HookCommands commands = new HookCommands(Map.of(HookKind.ON_EVENT_START, List.of("sleep", "60"),
                HookKind.ON_EVENT_END, List.of(recorder().toString(), out.toString(), "%v")), Duration.ofSeconds(5));
        try (HookRunner runner = new HookRunner(commands, UTC)) {
            long started = System.nanoTime();
            runner.run(new HookCall(HookKind.ON_EVENT_START, "porch", Optional.of(1L), Optional.empty(), T,
                    Optional.empty(), List.of()));
            runner.run(new HookCall(HookKind.ON_EVENT_END, "porch", Optional.of(1L), Optional.empty(), T,
                    Optional.empty(), List.of()));
            assertEquals("1", await(out).get(0));
            // the recorder's file appears a moment before the runner counts its run (it waits for the exit first)
            long counted = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (runner.runs() < 1 && System.nanoTime() < counted) {
                Thread.sleep(10);
            }
            assertEquals(1, runner.runs(), "the next hook finished while the hanging one still ran");
            assertEquals(1, children("sleep"), "the hanging hook still runs: the next one did not wait for it");
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (runner.runs() < 2) {
                assertTrue(System.nanoTime() < end, "the hanging hook was not killed");
                Thread.sleep(50);
            }
            assertTrue(System.nanoTime() - started >= Duration.ofSeconds(5).toNanos(), "killed before its time");
            assertEquals(0, children("sleep"), "the killed hook is gone, not a zombie");
        }
    }

    @Test
    void aHundredHooksLeaveNoZombie() throws Exception {
        HookCommands commands = new HookCommands(Map.of(HookKind.ON_SNAPSHOT, List.of("true")), Duration.ofSeconds(10));
        try (HookRunner runner = new HookRunner(commands, UTC)) {
            for (int i = 0; i < 100; i++) {
                runner.run(new HookCall(HookKind.ON_SNAPSHOT, "porch", Optional.of((long) i), Optional.empty(), T,
                        Optional.empty(), List.of()));
                if (i % 50 == 49) {
                    awaitRuns(runner, i + 1); // the queue holds 64 waiting: stay below it
                }
            }
            awaitRuns(runner, 100);
            assertEquals(0, children(null), "zombies or leftovers among this JVM's children");
        }
    }

    private static void awaitRuns(HookRunner runner, long count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runner.runs() < count) {
            assertTrue(System.nanoTime() < end, "hooks did not finish: " + runner.runs() + " of " + count);
            Thread.sleep(20);
        }
    }

    /** This JVM's child processes (zombies included, which ProcessHandle lists until they are waited for). */
    private static long children(String command) {
        return ProcessHandle.current().children()
                .filter(p -> command == null || p.info().command().map(c -> c.endsWith("/" + command)).orElse(true))
                .count();
    }
}
