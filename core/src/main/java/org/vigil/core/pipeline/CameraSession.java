package org.vigil.core.pipeline;

import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.vigil.core.config.CameraConfig;
import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.kernel.v4l2.Wakeup;
import org.vigil.opencv.OpenCvNatives;
import org.vigil.vloop.LoopbackPipes;
import org.vigil.vloop.LoopbackSink;
import org.vigil.vloop.PipeDecorator;
import org.vigil.vloop.image.ImageLayout;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Everything one open stream of a camera holds: the device and its capture stream, the pipes, the luma source, the
 * detection worker and the annotator. Opened in that order, closed in reverse by {@link #close()}, the one place that
 * releases them; a failure while opening closes what was opened before it.
 */
final class CameraSession implements AutoCloseable {
    private CameraSource.Opened camera;
    private Path node;
    private CaptureStream stream;
    private NegotiatedFormat format;
    private LoopbackPipes pipes;
    private LumaSource luma;
    private MotionDetector detector; // the worker's from the moment it exists
    private DetectionWorker worker;
    private Annotator annotator;
    private PipeDecorator decorator;
    private PrivacyBlanker.Luma lumaPrivacy;
    private JpegFrames jpegs;
    private LoopbackSink feedSink;
    private Frame current;
    private FrameCopies recording;

    private CameraSession() {
    }

    /**
     * @param armed        whether the camera's events are armed now, for the feed's label
     * @param framesWanted whether frames are kept for recording though the config records none (a schedule added with
     *                     the CLI)
     */
    static CameraSession open(CameraConfig config, Wakeup wakeup, CameraContext context, CameraCounters counters,
                              DetectionListener detections, BooleanSupplier armed, boolean framesWanted)
            throws V4l2Exception {
        // Loaded before the stream starts: in an emulated guest this takes 20 s, while the camera would drop frames.
        OpenCvNatives.load();
        CameraSession s = new CameraSession();
        try {
            s.camera = context.cameras().open(config, wakeup);
            s.node = s.camera.node();
            s.format = s.camera.format();
            s.stream = s.camera.stream();
            PixFormat format = s.stream.format();
            s.detector = createDetector(config, context);
            int factor = shrinkFactor(format.width(), s.detector.inputWidth(format.width()));
            int lumaWidth = format.width() / factor;
            int lumaHeight = format.height() / factor;
            boolean mjpeg = format.pixelFormat() == FourCC.MJPG;
            ImageLayout feedLayout = mjpeg ? ImageLayout.BGR : ImageLayout.ofFourcc(format.pixelFormat());
            boolean drawnOn = config.annotation().drawsAnything() || config.privacyMask().isPresent();
            ImageLayout motionLayout = config.loopback().format().layout();
            int motionWidth = motionLayout == ImageLayout.GREY ? lumaWidth : lumaWidth & ~1;
            int motionHeight = motionLayout == ImageLayout.I420 ? lumaHeight & ~1 : lumaHeight;
            s.pipes = LoopbackPipes.open(context.pipes(), config.loopback(), feedLayout, drawnOn, format.width(),
                    format.height(), s.format.interval(), motionWidth, motionHeight, config.name(),
                    context.reopenAttempts(), context.sinks());
            s.feedSink = s.pipes.feed().orElse(null);
            s.luma = LumaSource.of(format, factor);
            s.jpegs = mjpeg ? new JpegFrames() : null;
            s.lumaPrivacy = config.privacyMask().map(mask -> new PrivacyBlanker.Luma(mask, lumaWidth, lumaHeight)).orElse(null);
            s.worker = new DetectionWorker(config.name(), s.detector, lumaWidth, lumaHeight, s.pipes.motion().orElse(null),
                    motionWidth, motionHeight, counters, detections);
            s.recording = FrameCopies.plan(config, format, s.format.interval(), framesWanted);
            if (drawnOn && s.pipes.feed().isPresent()) {
                DetectionWorker worker = s.worker;
                s.annotator = new Annotator(config.name(), config.loopback().format().layout(), format.width(),
                        format.height(), config.annotation(), config.privacyMask(), worker::latest, armed);
                s.decorator = decoratorWith(s, config.name(), context.tap());
            }
            return s;
        } catch (V4l2Exception | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The annotator, followed by a test's tap when there is one. */
    private static PipeDecorator decoratorWith(CameraSession s, String camera, FrameTap tap) {
        Annotator drawer = s.annotator;
        if (tap == null) {
            return drawer;
        }
        return picture -> {
            drawer.decorate(picture);
            Overlay overlay = drawer.lastOverlay();
            tap.annotated(camera, s.current, picture, overlay == null ? List.of() : overlay.regions(),
                    overlay == null ? List.of() : overlay.texts());
        };
    }

    /** A new detector for the camera's current setup (masks, zones, options); cheap: images come with the first frame. */
    static MotionDetector createDetector(CameraConfig config, CameraContext context) {
        DetectorProvider provider = context.detectors().provider(config.detector().name());
        return provider.create(new DetectorSetup(config.width(), config.height(), config.detector().options(),
                config.detectionMask(), config.privacyMask(), config.zones()));
    }

    /** The power of two that shrinks the frame to the detector's input width (or the nearest above it). */
    static int shrinkFactor(int frameWidth, int inputWidth) {
        int ratio = Math.max(1, frameWidth / Math.max(1, inputWidth));
        return Integer.highestOneBit(ratio);
    }

    Optional<LoopbackSink> feed() {
        return pipes.feed();
    }

    /** The feed's sink or null, for the frame path (where an Optional would be an allocation per frame). */
    LoopbackSink feedSink() {
        return feedSink;
    }

    Optional<LoopbackSink> motion() {
        return pipes.motion();
    }

    /** Sends a frame to the annotated feed: a raw frame from its buffer, an MJPEG frame decoded first. */
    void sendToFeed(LoopbackSink feed, Frame frame) {
        current = frame;
        try {
            if (jpegs == null) {
                feed.accept(frame, decorator);
            } else {
                Mat bgr = jpegs.decode(frame, Imgcodecs.IMREAD_COLOR);
                try {
                    feed.accept(bgr, decorator);
                } finally {
                    bgr.release();
                }
            }
        } finally {
            current = null;
        }
    }

    Path node() {
        return node;
    }

    /** How this stream's frames are copied for recording, or null when they are not (nothing to record, or a format the recorder cannot keep). */
    FrameCopies recording() {
        return recording;
    }

    CaptureStream stream() {
        return stream;
    }

    NegotiatedFormat format() {
        return format;
    }

    LumaSource luma() {
        return luma;
    }

    DetectionWorker worker() {
        return worker;
    }

    Annotator annotator() {
        return annotator;
    }

    PrivacyBlanker.Luma lumaPrivacy() {
        return lumaPrivacy;
    }

    /**
     * The one place that releases a session, in reverse order of opening: the annotator, the detection thread (with
     * its detector and motion pipe), the feed, the luma source, the camera (stream, then device). Safe on a half-opened one.
     */
    @Override
    public void close() {
        if (annotator != null) {
            annotator.close();
        }
        if (worker != null) {
            worker.close();
        } else if (detector != null) {
            detector.close();
        }
        if (pipes != null) {
            pipes.close();
        }
        if (luma != null) {
            luma.close();
        }
        if (lumaPrivacy != null) {
            lumaPrivacy.close();
        }
        if (jpegs != null) {
            jpegs.close();
        }
        if (camera != null) {
            camera.close();
        }
    }
}
