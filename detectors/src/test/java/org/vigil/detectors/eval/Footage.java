package org.vigil.detectors.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/** The footage detectors/eval/fetch-footage decoded: raw frames of vtest.avi and tree.avi and their sizes. */
public final class Footage {

    private final Path dir;
    private final Properties properties = new Properties();

    public Footage(Path dir) {
        this.dir = dir;
        Path list = dir.resolve("footage.properties");
        if (!Files.isRegularFile(list)) {
            throw new IllegalArgumentException("no decoded footage in " + dir + ": run detectors/eval/fetch-footage " + dir
                    + " (mvn -pl detectors verify does it)");
        }
        try (InputStream in = Files.newInputStream(list)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the footage is when the build decoded it: the vigil.footage.dir property, else detectors/target/footage. */
    public static Footage located() {
        String dir = System.getProperty("vigil.footage.dir");
        return new Footage(Path.of(dir != null ? dir : "detectors/target/footage"));
    }

    public Clip clip(String name) {
        return new Clip(dir.resolve(name + ".gray"), number(name + ".width"), number(name + ".height"), 1,
                number(name + ".frames"), rate(name + ".rate"));
    }

    /** Every 16th frame of vtest.avi in RGB, to build the clean background and cut out pedestrians. */
    public Clip vtestSamples() {
        return new Clip(dir.resolve("vtest-samples.rgb"), number("vtest.width"), number("vtest.height"), 3,
                number("vtest.samples.frames"), rate("vtest.rate") / number("vtest.samples.every"));
    }

    private int number(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("footage.properties in " + dir + " lacks " + key + ": delete it and run fetch-footage again");
        }
        return Integer.parseInt(value.strip());
    }

    private double rate(String key) {
        String[] parts = properties.getProperty(key, "10/1").strip().split("/");
        return parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]) : Double.parseDouble(parts[0]);
    }

    /** A raw video file: frames of width × height × channels bytes, one after the other. */
    public record Clip(Path file, int width, int height, int channels, int frames, double fps) {

        public int frameBytes() {
            return width * height * channels;
        }

        /** Reads frame {@code index} into {@code into} (frameBytes() long). */
        public void read(int index, byte[] into) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.wrap(into, 0, frameBytes());
                long position = (long) index * frameBytes();
                while (buffer.hasRemaining()) {
                    int read = channel.read(buffer, position + buffer.position());
                    if (read < 0) {
                        throw new IOException("unexpected end of " + file + " at frame " + index);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
