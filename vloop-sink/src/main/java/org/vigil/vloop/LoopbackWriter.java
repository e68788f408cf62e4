package org.vigil.vloop;

import org.opencv.core.Mat;
import org.vigil.kernel.v4l2.FormatRejectedException;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.vloop.image.Conversion;
import org.vigil.vloop.image.Conversions;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.vloop.image.PipeImage;
import org.vigil.vloop.image.SourceImage;
import org.vigil.vloop.image.SourceImages;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A producer attached to one v4l2loopback pipe: opens the node (S_PARM, S_FMT, STREAMON), then publishes each
 * picture in the pipe's format, converting on the way if the source has another layout. Throws on any failure;
 * {@link LoopbackSink} is the wrapper that never does. One thread; nothing allocated per frame once every source
 * buffer has been seen.
 */
public final class LoopbackWriter implements PipeProducer {

    private final V4l2Device device;
    private final PipeOutput output;
    private final PipeSettings settings;
    private final OutputMode mode;
    private final Conversion conversion;
    private final SourceImages sources;
    private final PipeFinder finder;

    private LoopbackWriter(V4l2Device device, PipeOutput output, PipeSettings settings, OutputMode mode,
                           Conversion conversion, SourceImages sources, PipeFinder finder) {
        this.device = device;
        this.output = output;
        this.settings = settings;
        this.mode = mode;
        this.conversion = conversion;
        this.sources = sources;
        this.finder = finder;
    }

    /** Finds the pipe the settings choose ({@link PipeFinder}) and opens it for pictures in the source layout. */
    public static LoopbackWriter open(PipeSettings settings, ImageLayout source) throws V4l2Exception {
        return open(PipeFinder.system(), settings, source, false);
    }

    public static LoopbackWriter open(PipeFinder finder, PipeSettings settings, ImageLayout source) throws V4l2Exception {
        return open(finder, settings, source, false);
    }

    /**
     * @param drawnOn whether pictures are decorated after rendering ({@link #write(SourceImage, PipeDecorator)}):
     *                then even a plain copy is rendered, and auto mode renders straight into the driver's buffer
     */
    public static LoopbackWriter open(PipeFinder finder, PipeSettings settings, ImageLayout source, boolean drawnOn)
            throws V4l2Exception {
        // The conversion is settled first: a pair without one is a configuration error, found before any device is opened.
        Conversion conversion = Conversions.between(source, settings.format().layout(), settings.width(), settings.height());
        Path node = null;
        try {
            node = finder.find(settings);
            return attach(node, finder, settings, source, conversion, drawnOn);
        } catch (V4l2Exception | RuntimeException e) {
            if (node != null) {
                finder.release(node);
            }
            conversion.close();
            throw e;
        }
    }

    private static LoopbackWriter attach(Path node, PipeFinder finder, PipeSettings settings, ImageLayout source,
                                         Conversion conversion, boolean drawnOn) throws V4l2Exception {
        V4l2Device device = V4l2Device.open(node);
        try {
            if (!device.capability().isLoopback()) {
                throw new NotALoopbackException(node.toString(), "this is a " + device.capability().driver() + " node '"
                        + device.capability().card() + "', not a v4l2loopback pipe", "choose a v4l2loopback node or 'any'");
            }
            OutputMode mode = settings.mode().resolve(conversion.isCopy() && !drawnOn);
            PipeOutput output = openOutput(device, finder, settings, mode);
            return new LoopbackWriter(device, output, settings, mode, conversion,
                    new SourceImages(source, settings.width(), settings.height()), finder);
        } catch (V4l2Exception | RuntimeException e) {
            device.close();
            throw e;
        }
    }

    private static PipeOutput openOutput(V4l2Device device, PipeFinder finder, PipeSettings settings, OutputMode mode)
            throws V4l2Exception {
        try {
            return mode == OutputMode.WRITE ? WriteOutput.open(device, settings) : MmapOutput.open(device, settings);
        } catch (FormatRejectedException e) {
            throw explain(e, device, finder, settings);
        }
    }

    /**
     * v4l2loopback answers S_FMT with what it can do instead of an error: a size clamped to max_width/max_height,
     * or the format another producer fixed. Says which.
     */
    private static V4l2Exception explain(FormatRejectedException e, V4l2Device device, PipeFinder finder,
                                         PipeSettings settings) {
        PixFormat offered = e.offered();
        if (offered == null) {
            return e;
        }
        if (offered.width() < settings.width() || offered.height() < settings.height()) {
            int maxWidth = finder.module().maxWidth().orElse(offered.width());
            int maxHeight = finder.module().maxHeight().orElse(offered.height());
            if (offered.width() == maxWidth || offered.height() == maxHeight) {
                return PipeFinder.tooLarge(device.path(), e.call(), settings, maxWidth, maxHeight);
            }
        }
        return new PipeHeldException(device.path(), "pipe '" + device.capability().card() + "' already carries "
                + offered.describeRequest() + ", fixed by another producer or by viewers still holding an earlier one",
                "stop that producer (`fuser -v " + device.path() + "` names every program using it), or write "
                        + offered.describeRequest() + ", or choose another pipe");
    }

    /** The driver's format must be packed (no row padding): every V4L2 client assumes so for these formats. */
    static PixFormat requirePacked(V4l2Device device, PixFormat format, PipeSettings settings) throws V4l2Exception {
        int packed = settings.format().layout().packedRowBytes(settings.width());
        if (format.bytesPerLine() != 0 && format.bytesPerLine() != packed || format.sizeImage() < settings.imageBytes()) {
            throw new V4l2Exception(device.path(), "VIDIOC_S_FMT", 0, "the driver chose " + format.bytesPerLine()
                    + " bytes per line and " + format.sizeImage() + " bytes per frame, vigil writes packed "
                    + settings.describe() + " (" + packed + " bytes per line)", "use v4l2loopback 0.12 or later");
        }
        return format;
    }

    /** Publishes one picture from a {@link SourceImages} of this writer's source layout and size. */
    @Override
    public void write(SourceImage image) throws V4l2Exception {
        write(image, null);
    }

    /**
     * Publishes one picture, decorated once it is in the pipe's buffer.
     *
     * @param decorator draws on the rendered picture before viewers see it, or null
     */
    @Override
    public void write(SourceImage image, PipeDecorator decorator) throws V4l2Exception {
        if (decorator == null && conversion.isCopy() && image.isPacked()
                && output.publishDirect(image.address(), image.imageBytes())) {
            return;
        }
        PipeImage target = output.acquire();
        conversion.convert(image, target);
        if (decorator != null) {
            decorator.decorate(target);
        }
        output.publish(target);
    }

    /** A captured frame in the source layout (a YUYV camera frame), straight from its mapped buffer. */
    public void write(Frame frame) throws V4l2Exception {
        write(sources.of(frame));
    }

    /** A Mat in the source layout (BGR CV_8UC3, grey CV_8UC1, ...). */
    public void write(Mat image) throws V4l2Exception {
        write(sources.of(image));
    }

    /** A packed picture in the source layout from the direct buffer's first byte. */
    public void write(ByteBuffer image) throws V4l2Exception {
        write(sources.of(image));
    }

    @Override
    public Path node() {
        return Path.of(device.path());
    }

    public PipeSettings settings() {
        return settings;
    }

    /** The mode in use: {@link OutputMode#WRITE} or {@link OutputMode#MMAP}, {@link OutputMode#AUTO} resolved. */
    public OutputMode mode() {
        return mode;
    }

    /** "/dev/video10 'vigil-a': 640x480 YUYV at 30 fps in mmap mode from YUYV pictures (YUYV -> YUYV (copy))". */
    @Override
    public String describe() {
        return device.path() + " '" + device.capability().card() + "': " + settings.describe() + " in "
                + mode.optionName() + " mode from " + sources.layout().name() + " pictures (" + conversion.describe() + ")";
    }

    /** The format the driver accepted. */
    public PixFormat format() {
        return output.format();
    }

    public Conversion conversion() {
        return conversion;
    }

    /** STREAMOFF, unmap, close; the node then offers output again to the next producer. */
    @Override
    public void close() {
        output.close();
        device.close();
        finder.release(Path.of(device.path()));
        sources.close();
        conversion.close();
    }
}
