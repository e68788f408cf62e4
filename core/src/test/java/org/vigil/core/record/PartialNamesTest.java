package org.vigil.core.record;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartialNamesTest {
    @Test
    void aFileIsWrittenUnderItsPartNameAndKeptUnderAPartialOneWhenCut() {
        Path mp4 = Path.of("/v/porch/2026-11-30/22-15-03-event7.mp4");
        assertEquals(Path.of("/v/porch/2026-11-30/22-15-03-event7.mp4.part"), PartialNames.part(mp4));
        assertEquals(mp4, PartialNames.unpart(PartialNames.part(mp4)));
        assertEquals(Path.of("/v/porch/2026-11-30/22-15-03-event7-partial.mp4"), PartialNames.partial(mp4));
        Path avi = Path.of("/v/porch/2026-11-30/22-15-03-event7-2.avi");
        assertEquals(Path.of("/v/porch/2026-11-30/22-15-03-event7-2.part.avi"), PartialNames.part(avi),
                "OpenCV's writer takes only names ending in .avi");
        assertEquals(avi, PartialNames.unpart(PartialNames.part(avi)));
        assertEquals(Path.of("/v/porch/2026-11-30/22-15-03-event7-2-partial.avi"), PartialNames.partial(avi));
    }
}
