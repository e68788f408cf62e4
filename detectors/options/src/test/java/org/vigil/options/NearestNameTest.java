package org.vigil.options;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NearestNameTest {
    private final List<String> keys = List.of("threshold", "detection-fps", "device", "size", "privacy-mask");

    @Test
    void aSlipOfTheFingerFindsTheKeyMeant() {
        assertEquals(Optional.of("threshold"), NearestName.of("treshold", keys));
        assertEquals(Optional.of("threshold"), NearestName.of("threshlod", keys));
        assertEquals(Optional.of("detection-fps"), NearestName.of("detection_fps", keys));
        assertEquals(Optional.of("device"), NearestName.of("Device", keys));
        assertEquals(Optional.of("size"), NearestName.of("siez", keys));
    }

    @Test
    void somethingElseEntirelyFindsNothing() {
        assertEquals(Optional.empty(), NearestName.of("colour", keys));
        assertEquals(Optional.empty(), NearestName.of("x", List.of()));
    }
}
