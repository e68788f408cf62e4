package org.vigil.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void intersectionOverUnion() {
        Box a = new Box(0, 0, 10, 10);
        assertEquals(1.0, a.iou(a));
        assertEquals(0.0, a.iou(new Box(10, 0, 10, 10)));
        assertEquals(50.0 / 150.0, a.iou(new Box(5, 0, 10, 10)), 1e-12);
        assertEquals(25.0 / 100.0, a.iou(new Box(0, 0, 5, 5)), 1e-12);
    }
}
