package org.vigil.core.bench;

import org.vigil.vloop.PipeDecorator;
import org.vigil.vloop.PipeProducer;
import org.vigil.vloop.PipeProducers;
import org.vigil.vloop.PipeSettings;
import org.vigil.vloop.image.Conversion;
import org.vigil.vloop.image.Conversions;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.vloop.image.PipeImage;
import org.vigil.vloop.image.SourceImage;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Pipes that nobody watches: each producer renders every picture as a v4l2loopback producer does (the same
 * conversion into a buffer of the pipe's format, then the decorator) into one direct buffer of its own, and
 * publishes nowhere. The benchmarks' null sink: the copy and the drawing are paid, the driver is not.
 */
public final class MemoryPipes implements PipeProducers {

    @Override
    public void check(PipeSettings settings) {
        // memory takes any size
    }

    @Override
    public PipeProducer open(PipeSettings settings, ImageLayout source, boolean drawnOn, Path lastNode) {
        return new Producer(settings, source);
    }

    private static final class Producer implements PipeProducer {
        private final PipeSettings settings;
        private final Conversion conversion;
        private final ByteBuffer buffer;
        private final PipeImage target;

        Producer(PipeSettings settings, ImageLayout source) {
            this.settings = settings;
            this.conversion = Conversions.between(source, settings.format().layout(), settings.width(), settings.height());
            this.buffer = ByteBuffer.allocateDirect(settings.imageBytes());
            this.target = PipeImage.over(buffer, settings.format().layout(), settings.width(), settings.height());
        }

        @Override
        public void write(SourceImage image) {
            write(image, null);
        }

        @Override
        public void write(SourceImage image, PipeDecorator decorator) {
            conversion.convert(image, target);
            if (decorator != null) {
                decorator.decorate(target);
            }
        }

        @Override
        public String describe() {
            return "memory: " + settings.describe() + " (" + conversion.describe() + ")";
        }

        @Override
        public Path node() {
            return Path.of("memory");
        }

        @Override
        public void close() {
            target.close();
            conversion.close();
        }
    }
}
