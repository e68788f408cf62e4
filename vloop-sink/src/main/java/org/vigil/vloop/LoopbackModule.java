package org.vigil.vloop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What sysfs tells about v4l2loopback without opening a node: whether the module is loaded, its parameters
 * (max_width, max_height, exclusive_caps) and, per node, the format a producer has fixed
 * (/sys/class/video4linux/videoN/format reads "YUYV:640x480@30" while a producer's format holds, nothing otherwise).
 */
public final class LoopbackModule {
    private final Path videoClass;
    private final Path module;

    /**
     * @param videoClass /sys/class/video4linux
     * @param module     /sys/module/v4l2loopback
     */
    public LoopbackModule(Path videoClass, Path module) {
        this.videoClass = videoClass;
        this.module = module;
    }

    public static LoopbackModule system() {
        return new LoopbackModule(Path.of("/sys/class/video4linux"), Path.of("/sys/module/v4l2loopback"));
    }

    public boolean isLoaded() {
        return Files.isDirectory(module);
    }

    public OptionalInt maxWidth() {
        return intParameter("max_width");
    }

    public OptionalInt maxHeight() {
        return intParameter("max_height");
    }

    /** The exclusive_caps array as loaded ("N,Y,N,..." in sysfs), one entry per possible device. */
    public List<Boolean> exclusiveCaps() {
        List<Boolean> flags = new ArrayList<>();
        parameter("exclusive_caps").ifPresent(text -> {
            for (String flag : text.split(",")) {
                flags.add(flag.strip().equals("Y") || flag.strip().equals("1"));
            }
        });
        return flags;
    }

    /** The format a producer has fixed on this node ("YUYV:640x480@30"), or empty while the node is free. */
    public Optional<String> fixedFormat(Path device) {
        Path attribute = videoClass.resolve(device.getFileName().toString()).resolve("format");
        try {
            String text = Files.readString(attribute).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private OptionalInt intParameter(String name) {
        Optional<String> text = parameter(name);
        try {
            return text.isPresent() ? OptionalInt.of(Integer.parseInt(text.get())) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private Optional<String> parameter(String name) {
        try {
            return Optional.of(Files.readString(module.resolve("parameters").resolve(name)).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
