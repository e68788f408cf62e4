package org.vigil.detectors.eval;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.vigil.detectors.Box;

/**
 * Scenarios written one after the other into a single raw grey stream (frames.gray) with their truth
 * (truth.tsv), so that another program (Debian's motion, fed through a loopback camera) sees exactly the frames
 * vigil's detectors see. All scenarios must share one size and rate.
 */
public final class ExportedRun {

    /** One exported frame's origin and truth. */
    public record Frame(String scenario, Scenario.Kind kind, int index, FrameTruth truth) {
    }

    private final Path dir;
    private final int width;
    private final int height;
    private final double fps;
    private final List<Frame> frames;

    private ExportedRun(Path dir, int width, int height, double fps, List<Frame> frames) {
        this.dir = dir;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.frames = List.copyOf(frames);
    }

    public static ExportedRun write(Path dir, List<Scenario> scenarios) {
        Scenario first = scenarios.get(0);
        List<Frame> frames = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            byte[] pixels = new byte[first.width() * first.height()];
            StringBuilder truth = new StringBuilder("# frame\tscenario\tkind\tindex\tmotion\tx\ty\twidth\theight\tlighting-change\n");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("frames.gray")), 1 << 20)) {
                for (Scenario scenario : scenarios) {
                    if (scenario.width() != first.width() || scenario.height() != first.height() || scenario.fps() != first.fps()) {
                        throw new IllegalArgumentException(scenario.name() + " differs in size or rate from " + first.name());
                    }
                    for (int i = 0; i < scenario.frames(); i++) {
                        FrameTruth t = scenario.render(i, pixels);
                        out.write(pixels);
                        Box b = t.box().orElse(new Box(0, 0, 0, 0));
                        truth.append(String.format(Locale.ROOT, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d%n", frames.size(), scenario.name(),
                                scenario.kind(), i, t.motion() ? 1 : 0, b.x(), b.y(), b.width(), b.height(), t.lightingChange() ? 1 : 0));
                        frames.add(new Frame(scenario.name(), scenario.kind(), i, t));
                    }
                }
            }
            Files.writeString(dir.resolve("truth.tsv"), truth);
            Files.writeString(dir.resolve("run.properties"), String.format(Locale.ROOT,
                    "width=%d%nheight=%d%nfps=%s%nframes=%d%n", first.width(), first.height(), first.fps(), frames.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportedRun(dir, first.width(), first.height(), first.fps(), frames);
    }

    public static ExportedRun read(Path dir) {
        try {
            java.util.Properties properties = new java.util.Properties();
            try (var in = Files.newInputStream(dir.resolve("run.properties"))) {
                properties.load(in);
            }
            List<Frame> frames = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("truth.tsv"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                boolean motion = f[4].equals("1");
                int w = Integer.parseInt(f[7]);
                Optional<Box> box = w > 0 ? Optional.of(new Box(Integer.parseInt(f[5]), Integer.parseInt(f[6]), w, Integer.parseInt(f[8])))
                        : Optional.empty();
                frames.add(new Frame(f[1], Scenario.Kind.valueOf(f[2]), Integer.parseInt(f[3]),
                        new FrameTruth(motion, box, f[9].equals("1"))));
            }
            return new ExportedRun(dir, Integer.parseInt(properties.getProperty("width")), Integer.parseInt(properties.getProperty("height")),
                    Double.parseDouble(properties.getProperty("fps")), frames);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exported run in " + dir + ": run ExportScenarios first", e);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double fps() {
        return fps;
    }

    public List<Frame> frames() {
        return frames;
    }

    public Footage.Clip clip() {
        return new Footage.Clip(dir.resolve("frames.gray"), width, height, 1, frames.size(), fps);
    }
}
