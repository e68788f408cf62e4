package org.vigil.core.events;

import org.vigil.core.record.FrameRing;
import org.vigil.core.record.RecordedFormat;

/** What one open stream of a camera gives its events to record from: the ring of its frames and their format. */
public record SessionRecording(FrameRing ring, RecordedFormat format, int fourcc, int width, int height, double fps) {
}
