package org.vigil.vloop.rig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.vigil.kernel.testing.NothingLeaked;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.vloop.LoopbackOptions;
import org.vigil.vloop.LoopbackPipes;
import org.vigil.vloop.LoopbackSink;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.opencv.OpenCvNatives;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A camera's two pipes from the options: the annotated BGR picture converted into one pipe and the grey difference
 * picture (as Motion's video_pipe_motion) into another, each read back byte-exact by a real viewer.
 */
@ExtendWith(NothingLeaked.class)
class MotionPipeIT {
    @Test
    void theAnnotatedPictureAndTheMotionPictureEachReachTheirPipe() throws Exception {
        OpenCvNatives.load();
        Random random = new Random(7);
        Mat bgr = randomMat(240, 320, CvType.CV_8UC3, random);
        Mat grey = randomMat(120, 160, CvType.CV_8UC1, random);
        Mat expectedFeed = new Mat();
        Imgproc.cvtColor(bgr, expectedFeed, Imgproc.COLOR_BGR2YUV_YUYV);
        byte[] feedBytes = bytes(expectedFeed);
        byte[] greyBytes = bytes(grey);
        byte[] motionBytes = new byte[2 * greyBytes.length];
        for (int i = 0; i < greyBytes.length; i++) {
            motionBytes[2 * i] = greyBytes[i];
            motionBytes[2 * i + 1] = (byte) 128;
        }
        LoopbackOptions options = LoopbackOptions.parse(Map.of("pipe", "label:vigil-a",
                "motion-pipe", "label:vigil-m", "fps", "10"));
        try (LoopbackPipes pipes = LoopbackPipes.open(options, ImageLayout.BGR, 320, 240, new Fraction(1, 25), 160, 120)) {
            LoopbackSink feed = pipes.feed().orElseThrow();
            LoopbackSink motion = pipes.motion().orElseThrow();
            ViewerRun.FrameSender both = n -> {
                feed.accept(bgr);
                motion.accept(grey);
            };
            ViewerRun.Capture feedCapture = ViewerRun.capture(Viewer.V4L2_CTL, RigNodes.loopback("vigil-a"),
                    PipeFormat.YUYV, 320, 240, 3, both, 0, 100);
            ViewerRun.Capture motionCapture = ViewerRun.capture(Viewer.V4L2_CTL, RigNodes.loopback("vigil-m"),
                    PipeFormat.YUYV, 160, 120, 3, both, 0, 100);
            for (int frame = 0; frame < 3; frame++) {
                assertArrayEquals(feedBytes, slice(feedCapture.data(), frame, feedBytes.length), "feed frame " + frame);
                assertArrayEquals(motionBytes, slice(motionCapture.data(), frame, motionBytes.length), "motion frame " + frame);
            }
            assertEquals(0, feed.counters().dropped() + motion.counters().dropped());
        } finally {
            bgr.release();
            grey.release();
            expectedFeed.release();
        }
    }

    private static Mat randomMat(int rows, int cols, int type, Random random) {
        Mat mat = new Mat(rows, cols, type);
        byte[] data = new byte[(int) (mat.total() * mat.elemSize())];
        random.nextBytes(data);
        mat.put(0, 0, data);
        return mat;
    }

    private static byte[] bytes(Mat mat) {
        byte[] data = new byte[(int) (mat.total() * mat.elemSize())];
        mat.get(0, 0, data);
        return data;
    }

    private static byte[] slice(byte[] data, int frame, int bytes) {
        byte[] one = new byte[bytes];
        System.arraycopy(data, frame * bytes, one, 0, bytes);
        return one;
    }
}
