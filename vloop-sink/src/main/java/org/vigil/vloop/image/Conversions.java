package org.vigil.vloop.image;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversions from what the pipeline has (a YUYV camera frame, a BGR or grey Mat, an I420 picture) to what a
 * pipe carries (YUYV, I420, GREY). Same layout in and out is a plain copy; everything else is one OpenCV pass per
 * plane, written into the destination's own memory.
 */
public final class Conversions {
    /** Chroma of a grey picture: U and V at their zero point, so viewers show it without colour. */
    private static final double NEUTRAL_CHROMA = 128;

    private Conversions() {
    }

    /**
     * The conversion from {@code source} to {@code pipe} for pictures of this size.
     *
     * @throws IllegalArgumentException the pair has no conversion here, or the size does not suit a layout
     */
    public static Conversion between(ImageLayout source, ImageLayout pipe, int width, int height) {
        source.requireSize(width, height);
        pipe.requireSize(width, height);
        if (!exists(source, pipe)) {
            throw unsupported(source, pipe);
        }
        if (source == pipe) {
            return new Copy(source); // no OpenCV needed: a camera frame into a pipe of its own format starts fast
        }
        OpenCvNatives.load();
        return switch (pipe) {
            case YUYV -> switch (source) {
                case BGR -> new OneCvtColor("BGR", "YUYV", Imgproc.COLOR_BGR2YUV_YUYV, "COLOR_BGR2YUV_YUYV");
                case GREY -> new GreyToYuyv(width, height);
                default -> throw unsupported(source, pipe);
            };
            case I420 -> switch (source) {
                case BGR -> new OneCvtColor("BGR", "I420", Imgproc.COLOR_BGR2YUV_I420, "COLOR_BGR2YUV_I420");
                case YUYV -> new YuyvToI420();
                case GREY -> new GreyToI420(width, height);
                default -> throw unsupported(source, pipe);
            };
            case GREY -> switch (source) {
                case BGR -> new OneCvtColor("BGR", "GREY", Imgproc.COLOR_BGR2GRAY, "COLOR_BGR2GRAY");
                case YUYV -> new OneCvtColor("YUYV", "GREY", Imgproc.COLOR_YUV2GRAY_YUYV, "COLOR_YUV2GRAY_YUYV");
                case I420 -> new I420Luma();
                default -> throw unsupported(source, pipe);
            };
            case BGR -> throw new IllegalArgumentException("pipes carry YUYV, I420 or GREY pictures, not BGR");
        };
    }

    /** Whether {@link #between} has a conversion for the pair. */
    public static boolean exists(ImageLayout source, ImageLayout pipe) {
        return pipe != ImageLayout.BGR && !(source == ImageLayout.I420 && pipe == ImageLayout.YUYV);
    }

    /** The source layouts that can feed a pipe of this layout. */
    public static List<ImageLayout> sourcesFor(ImageLayout pipe) {
        List<ImageLayout> sources = new ArrayList<>();
        for (ImageLayout source : ImageLayout.values()) {
            if (exists(source, pipe)) {
                sources.add(source);
            }
        }
        return sources;
    }

    private static IllegalArgumentException unsupported(ImageLayout source, ImageLayout pipe) {
        List<String> pipes = new ArrayList<>();
        for (ImageLayout candidate : ImageLayout.values()) {
            if (exists(source, candidate)) {
                pipes.add(candidate.name());
            }
        }
        return new IllegalArgumentException("no conversion from " + source.description() + " to " + pipe.description()
                + " (it would need a round trip through BGR): a " + pipe.name() + " pipe takes "
                + sourcesFor(pipe).stream().map(Enum::name).toList() + " pictures; send " + source.name()
                + " pictures to a pipe of " + pipes);
    }

    /**
     * Same layout: one memcpy-speed copy (ByteBuffer bulk copies between direct buffers are Unsafe.copyMemory), row
     * by row when the source has padded rows; a caller's Mat is copied by OpenCV.
     */
    private record Copy(ImageLayout layout) implements Conversion {
        @Override
        public void convert(SourceImage source, PipeImage target) {
            ByteBuffer from = source.buffer();
            if (from == null) {
                source.whole().copyTo(target.whole());
            } else if (source.isPacked()) {
                target.buffer().put(0, from, 0, source.imageBytes());
            } else {
                int row = layout.packedRowBytes(source.width());
                int stride = (int) source.rowBytes();
                for (int y = 0; y < source.height(); y++) {
                    target.buffer().put(y * row, from, y * stride, row);
                }
            }
        }

        @Override
        public boolean isCopy() {
            return true;
        }

        @Override
        public String describe() {
            return layout.name() + " -> " + layout.name() + " (copy)";
        }
    }

    /** One cvtColor whose output has exactly the pipe's Mat shape, so OpenCV writes into the wrapped buffer. */
    private record OneCvtColor(String from, String to, int code, String codeName) implements Conversion {
        @Override
        public void convert(SourceImage source, PipeImage target) {
            Imgproc.cvtColor(source.whole(), target.whole(), code);
        }

        @Override
        public String describe() {
            return from + " -> " + to + " (cvtColor " + codeName + ")";
        }
    }

    /**
     * YUYV to I420: luma through COLOR_YUV2GRAY_YUYV into the Y plane; U and V picked from the even lines' Y0 U Y1 V
     * quads into their planes, as the usual fast 4:2:2 to 4:2:0 paths do, so the frame is read once.
     */
    private static final class YuyvToI420 implements Conversion {
        @Override
        public void convert(SourceImage source, PipeImage target) {
            Imgproc.cvtColor(source.whole(), target.luma(), Imgproc.COLOR_YUV2GRAY_YUYV);
            Mat quads = source.evenRowQuads();
            Core.extractChannel(quads, target.blueDifference(), 1);
            Core.extractChannel(quads, target.redDifference(), 3);
        }

        @Override
        public String describe() {
            return "YUYV -> I420 (luma by cvtColor, chroma of even lines by extractChannel)";
        }
    }

    /** Grey to YUYV: the grey bytes become Y, a constant plane of neutral chroma fills U and V. */
    private static final class GreyToYuyv implements Conversion {
        private final Mat neutral;

        GreyToYuyv(int width, int height) {
            neutral = new Mat(height, width, CvType.CV_8UC1, new Scalar(NEUTRAL_CHROMA));
        }

        @Override
        public void convert(SourceImage source, PipeImage target) {
            Core.insertChannel(source.whole(), target.whole(), 0);
            Core.insertChannel(neutral, target.whole(), 1);
        }

        @Override
        public String describe() {
            return "GREY -> YUYV (insertChannel luma, neutral chroma)";
        }

        @Override
        public void close() {
            neutral.release();
        }
    }

    /** Grey to I420: the grey bytes are the Y plane; both chroma planes take a preset neutral block. */
    private static final class GreyToI420 implements Conversion {
        private final Mat neutral;

        GreyToI420(int width, int height) {
            neutral = new Mat(height / 2, width, CvType.CV_8UC1, new Scalar(NEUTRAL_CHROMA));
        }

        @Override
        public void convert(SourceImage source, PipeImage target) {
            source.whole().copyTo(target.luma());
            // copyTo and not setTo: Mat.setTo returns a new Mat header, an allocation per frame
            neutral.copyTo(target.chroma());
        }

        @Override
        public String describe() {
            return "GREY -> I420 (copy luma, neutral chroma)";
        }

        @Override
        public void close() {
            neutral.release();
        }
    }

    /** I420 to grey: the Y plane as it is. */
    private static final class I420Luma implements Conversion {
        @Override
        public void convert(SourceImage source, PipeImage target) {
            source.lumaPlane().copyTo(target.whole());
        }

        @Override
        public String describe() {
            return "I420 -> GREY (copy luma plane)";
        }
    }
}
