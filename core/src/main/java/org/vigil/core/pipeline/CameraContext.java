package org.vigil.core.pipeline;

import org.vigil.detectors.DetectorCatalog;
import org.vigil.vloop.PipeProducers;
import org.vigil.vloop.SinkListener;

import java.util.concurrent.Executor;

/**
 * What every camera of a daemon shares: the detectors found at start, where cameras and pipes are opened (devices
 * and v4l2loopback pipes, or a benchmark's memory), the executor the pipes' reopen attempts run on (one for all sinks,
 * rather than a thread each), and where the sinks report.
 *
 * @param tap a test's look at each annotated frame, or null (always, outside tests)
 */
public record CameraContext(DetectorCatalog detectors, CameraSource cameras, PipeProducers pipes, Executor reopenAttempts, SinkListener sinks,
                            FrameTap tap) {
}
