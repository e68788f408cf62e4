package org.vigil.vloop;

import org.vigil.kernel.v4l2.FourCC;
import org.vigil.vloop.image.ImageLayout;

import java.util.Arrays;
import java.util.Locale;

/** The pixel formats vigil writes into a pipe. */
public enum PipeFormat {
    /** Taken by every viewer (ffmpeg, VLC, GStreamer, OBS, Chrome and Firefox); even widths only. */
    YUYV(FourCC.YUYV, ImageLayout.YUYV, "yuyv422"),
    /** YU12, also called I420: three quarters of YUYV's bytes; even width and height. */
    YU12(FourCC.YU12, ImageLayout.I420, "yuv420p"),
    /** Luma only: the smallest, for grey pictures such as the motion image; not every viewer shows it. */
    GREY(FourCC.GREY, ImageLayout.GREY, "gray");

    private final int fourcc;
    private final ImageLayout layout;
    private final String ffmpegName;

    PipeFormat(int fourcc, ImageLayout layout, String ffmpegName) {
        this.fourcc = fourcc;
        this.layout = layout;
        this.ffmpegName = ffmpegName;
    }

    public int fourcc() {
        return fourcc;
    }

    public ImageLayout layout() {
        return layout;
    }

    /** The name ffmpeg's -pix_fmt and -input_format use, for the hints printed to users. */
    public String ffmpegName() {
        return ffmpegName;
    }

    public int imageBytes(int width, int height) {
        return layout.imageBytes(width, height);
    }

    /** "yuyv", "yu12" (or "i420"), "grey" (or "gray"), in any case. */
    public static PipeFormat parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT);
        return switch (key) {
            case "YUYV", "YUY2" -> YUYV;
            case "YU12", "I420" -> YU12;
            case "GREY", "GRAY" -> GREY;
            default -> throw new IllegalArgumentException("'" + text + "' is not one of "
                    + String.join(" | ", Arrays.stream(values()).map(PipeFormat::optionName).toList()));
        };
    }

    /** How the format is written in a config file: "yuyv", "yu12", "grey". */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
