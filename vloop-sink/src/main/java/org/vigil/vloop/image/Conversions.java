package org.vigil.vloop.image;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.vigil.opencv.OpenCvNatives;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversions from what the pipeline has (a camera frame in YUYV, UYVY, I420, NV12, GREY or RGB24, a BGR or
 * grey Mat) to what a pipe carries (YUYV, I420, GREY). Same layout in and out is a plain copy; everything else reads
 * the source once and writes the destination's own memory, plane by plane, with no round trip through BGR and no
 * allocation per frame.
 */
public final class Conversions {
    /** Chroma of a grey picture: U and V at their zero point, so viewers show it without colour. */
    private static final double NEUTRAL_CHROMA = 128;

    private Conversions() {
    }

    /**
     * The conversion from {@code source} to {@code pipe} for pictures of this size.
     *
     * @throws IllegalArgumentException the pipe layout is not one a pipe carries, or the size does not suit a layout
     */
    public static Conversion between(ImageLayout source, ImageLayout pipe, int width, int height) {
        source.requireSize(width, height);
        pipe.requireSize(width, height);
        if (!isPipeLayout(pipe)) {
            throw new IllegalArgumentException("pipes carry YUYV, I420 or GREY pictures, not " + pipe.description()
                    + ": send " + source.name() + " pictures to a pipe of " + pipeLayouts());
        }
        if (source == pipe) {
            return new Copy(source); // no OpenCV needed: a camera frame into a pipe of its own format starts fast
        }
        OpenCvNatives.load();
        return switch (pipe) {
            case YUYV -> toYuyv(source, width, height);
            case I420 -> toI420(source, width, height);
            default -> toGrey(source);
        };
    }

    private static Conversion toYuyv(ImageLayout source, int width, int height) {
        return switch (source) {
            case UYVY -> new SwapPairs();
            case I420 -> new PlanarToYuyv(false, width, height);
            case NV12 -> new PlanarToYuyv(true, width, height);
            case GREY -> new GreyToYuyv(width, height);
            case BGR -> new OneCvtColor("BGR", "YUYV", Imgproc.COLOR_BGR2YUV_YUYV, "COLOR_BGR2YUV_YUYV");
            case RGB -> new OneCvtColor("RGB", "YUYV", Imgproc.COLOR_RGB2YUV_YUYV, "COLOR_RGB2YUV_YUYV");
            default -> throw new IllegalStateException(source + " to YUYV");
        };
    }

    private static Conversion toI420(ImageLayout source, int width, int height) {
        return switch (source) {
            case YUYV -> new PackedToI420(Imgproc.COLOR_YUV2GRAY_YUYV, 1, 3, "YUYV");
            case UYVY -> new PackedToI420(Imgproc.COLOR_YUV2GRAY_UYVY, 0, 2, "UYVY");
            case NV12 -> new Nv12ToI420();
            case GREY -> new GreyToI420(width, height);
            case BGR -> new OneCvtColor("BGR", "I420", Imgproc.COLOR_BGR2YUV_I420, "COLOR_BGR2YUV_I420");
            case RGB -> new OneCvtColor("RGB", "I420", Imgproc.COLOR_RGB2YUV_I420, "COLOR_RGB2YUV_I420");
            default -> throw new IllegalStateException(source + " to I420");
        };
    }

    private static Conversion toGrey(ImageLayout source) {
        return switch (source) {
            case YUYV -> new OneCvtColor("YUYV", "GREY", Imgproc.COLOR_YUV2GRAY_YUYV, "COLOR_YUV2GRAY_YUYV");
            case UYVY -> new OneCvtColor("UYVY", "GREY", Imgproc.COLOR_YUV2GRAY_UYVY, "COLOR_YUV2GRAY_UYVY");
            case I420, NV12 -> new LumaPlane(source);
            case BGR -> new OneCvtColor("BGR", "GREY", Imgproc.COLOR_BGR2GRAY, "COLOR_BGR2GRAY");
            case RGB -> new OneCvtColor("RGB", "GREY", Imgproc.COLOR_RGB2GRAY, "COLOR_RGB2GRAY");
            default -> throw new IllegalStateException(source + " to GREY");
        };
    }

    /** Whether {@link #between} has a conversion for the pair: every source reaches every layout a pipe carries. */
    public static boolean exists(ImageLayout source, ImageLayout pipe) {
        return isPipeLayout(pipe);
    }

    private static boolean isPipeLayout(ImageLayout layout) {
        return layout == ImageLayout.YUYV || layout == ImageLayout.I420 || layout == ImageLayout.GREY;
    }

    private static List<String> pipeLayouts() {
        List<String> pipes = new ArrayList<>();
        for (ImageLayout candidate : ImageLayout.values()) {
            if (isPipeLayout(candidate)) {
                pipes.add(candidate.name());
            }
        }
        return pipes;
    }

    /**
     * Same layout: one memcpy-speed copy (ByteBuffer bulk copies between direct buffers are Unsafe.copyMemory), row
     * by row (plane by plane) when the source has padded rows; a caller's Mat is copied by OpenCV.
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
                int width = source.width();
                int height = source.height();
                int row = layout.packedRowBytes(width);
                int stride = (int) source.rowBytes();
                copyRows(from, 0, stride, target.buffer(), 0, row, row, height);
                if (layout == ImageLayout.I420) {
                    int chromaRows = height / 2;
                    int sourceChroma = stride * height;
                    int targetChroma = row * height;
                    // U's rows, then V's: half the luma stride apart in the source, packed in the pipe
                    copyRows(from, sourceChroma, stride / 2, target.buffer(), targetChroma, row / 2, row / 2, 2 * chromaRows);
                }
            }
        }

        private static void copyRows(ByteBuffer from, int fromOffset, int fromStride, ByteBuffer to, int toOffset,
                                     int toStride, int rowBytes, int rows) {
            for (int y = 0; y < rows; y++) {
                to.put(toOffset + y * toStride, from, fromOffset + y * fromStride, rowBytes);
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
     * UYVY to YUYV: the same samples with each byte pair swapped (U Y0 V Y1 becomes Y0 U Y1 V), eight bytes at a time.
     * OpenCV has no byte swap; this loop is what the JIT turns into a few instructions per word.
     */
    private static final class SwapPairs implements Conversion {
        private static final long LOW_BYTES = 0x00FF00FF00FF00FFL;

        @Override
        public void convert(SourceImage source, PipeImage target) {
            ByteBuffer from = source.buffer();
            if (from == null) {
                source.whole().copyTo(target.whole());
                swapRows(target.buffer(), 2 * source.width(), target.buffer(), 2 * source.width(), source.width(),
                        source.height());
            } else {
                swapRows(from, (int) source.rowBytes(), target.buffer(), 2 * source.width(), source.width(), source.height());
            }
        }

        private static void swapRows(ByteBuffer from, int fromStride, ByteBuffer to, int toStride, int width, int height) {
            // Swapping the bytes within each 16-bit lane of a word is the same in either byte order.
            ByteBuffer in = from;
            ByteBuffer out = to;
            int rowBytes = 2 * width;
            for (int y = 0; y < height; y++) {
                int a = y * fromStride;
                int b = y * toStride;
                int i = 0;
                for (; i + Long.BYTES <= rowBytes; i += Long.BYTES) {
                    long word = in.getLong(a + i);
                    out.putLong(b + i, (word >>> 8) & LOW_BYTES | (word & LOW_BYTES) << 8);
                }
                for (; i < rowBytes; i += 2) {
                    byte first = in.get(a + i);
                    out.put(b + i, in.get(a + i + 1)).put(b + i + 1, first);
                }
            }
        }

        @Override
        public String describe() {
            return "UYVY -> YUYV (byte pairs swapped)";
        }
    }

    /**
     * Packed 4:2:2 to I420: luma through cvtColor into the Y plane; U and V picked from the even lines' pixel-pair
     * quads into their planes, as the usual fast 4:2:2 to 4:2:0 paths do, so the frame is read once.
     */
    private record PackedToI420(int lumaCode, int uChannel, int vChannel, String from) implements Conversion {
        @Override
        public void convert(SourceImage source, PipeImage target) {
            Imgproc.cvtColor(source.whole(), target.luma(), lumaCode);
            Mat quads = source.evenRowQuads();
            Core.extractChannel(quads, target.blueDifference(), uChannel);
            Core.extractChannel(quads, target.redDifference(), vChannel);
        }

        @Override
        public String describe() {
            return from + " -> I420 (luma by cvtColor, chroma of even lines by extractChannel)";
        }
    }

    /** NV12 to I420: the Y plane as it is; the interleaved chroma split into its two planes. */
    private static final class Nv12ToI420 implements Conversion {
        @Override
        public void convert(SourceImage source, PipeImage target) {
            source.luma().copyTo(target.luma());
            Core.extractChannel(source.chromaPairs(), target.blueDifference(), 0);
            Core.extractChannel(source.chromaPairs(), target.redDifference(), 1);
        }

        @Override
        public String describe() {
            return "NV12 -> I420 (copy luma, split chroma by extractChannel)";
        }
    }

    /**
     * 4:2:0 (I420 or NV12) to YUYV: luma into every pixel's first byte; each chroma row, laid out as U V U V, serves
     * two output lines, so it is doubled vertically (nearest neighbour) into a reused full-height plane and inserted
     * as the second byte. Three passes over memory, none through BGR.
     */
    private static final class PlanarToYuyv implements Conversion {
        private final boolean nv12;
        private final Mat interleaved;  // I420 only: U and V side by side, height/2 x width/2 pairs
        private final Mat interleavedRows;
        private final Mat doubled;
        private final Size fullSize;

        PlanarToYuyv(boolean nv12, int width, int height) {
            this.nv12 = nv12;
            this.interleaved = nv12 ? null : new Mat(height / 2, width / 2, CvType.CV_8UC2);
            this.interleavedRows = nv12 ? null : interleaved.reshape(1, height / 2);
            this.doubled = new Mat(height, width, CvType.CV_8UC1);
            this.fullSize = new Size(width, height);
        }

        @Override
        public void convert(SourceImage source, PipeImage target) {
            Mat chromaRows;
            if (nv12) {
                chromaRows = source.chromaRows();
            } else {
                Core.insertChannel(source.chromaU(), interleaved, 0);
                Core.insertChannel(source.chromaV(), interleaved, 1);
                chromaRows = interleavedRows;
            }
            Imgproc.resize(chromaRows, doubled, fullSize, 0, 0, Imgproc.INTER_NEAREST);
            Core.insertChannel(source.luma(), target.whole(), 0);
            Core.insertChannel(doubled, target.whole(), 1);
        }

        @Override
        public String describe() {
            return (nv12 ? "NV12" : "I420") + " -> YUYV (insertChannel luma, chroma rows doubled)";
        }

        @Override
        public void close() {
            doubled.release();
            if (interleaved != null) {
                interleavedRows.release();
                interleaved.release();
            }
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

    /** I420 or NV12 to grey: the Y plane as it is. */
    private record LumaPlane(ImageLayout from) implements Conversion {
        @Override
        public void convert(SourceImage source, PipeImage target) {
            source.luma().copyTo(target.whole());
        }

        @Override
        public String describe() {
            return from.name() + " -> GREY (copy luma plane)";
        }
    }
}
