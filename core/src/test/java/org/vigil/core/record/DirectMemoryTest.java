package org.vigil.core.record;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four cameras at the default pre-capture memory under the systemd unit's 256 MB (found in the soak: the rings took
 * all of it and the first event's snapshot buffer ended its camera's events thread) are told at start, with the
 * remedy; a configuration that fits is not.
 */
class DirectMemoryTest {
    private static final long MB = 1024 * 1024;

    @Test
    void ringsThatDoNotFitAreNamedWithTheRemedy() {
        String problem = DirectMemory.ringsProblem(4 * 64 * MB, 4, 256 * MB);
        assertTrue(problem != null && problem.contains("256 MB in all for 4 cameras") && problem.contains("JVM's 256 MB")
                && problem.contains("-XX:MaxDirectMemorySize=") && problem.contains("pre-capture-memory"), problem);
        assertNull(DirectMemory.ringsProblem(64 * MB, 1, 256 * MB));
        assertNull(DirectMemory.ringsProblem(4 * 64 * MB, 4, 1024 * MB));
    }

    @Test
    void aShortageNamesTheBufferTheFiguresAndTheRemedy() {
        String shortage = DirectMemory.shortage("the snapshot buffer", 614400);
        assertTrue(shortage.contains("the snapshot buffer (0.6 MB") && shortage.contains("MB in use")
                && shortage.contains("-XX:MaxDirectMemorySize"), shortage);
    }
}
