package org.vigil.core.rig;

import org.vigil.kernel.testing.ExternalCommand;

import java.nio.file.Path;
import java.util.List;

/** opencv-doc's clips, as kernel/rig/opencv-footage finds them (the build installs opencv-doc before the rig runs). */
final class Footage {
    private Footage() {
    }

    static Path vtest() throws Exception {
        Path script = root().resolve("kernel/rig/opencv-footage");
        String out = ExternalCommand.run(List.of(script.toString(), "vtest.avi"), 60).strip();
        String[] lines = out.split("\n");
        return Path.of(lines[lines.length - 1]);
    }

    /** The checkout: test-classes sits at core/target/test-classes. */
    static Path root() throws Exception {
        Path classes = Path.of(Footage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent().getParent().getParent();
    }
}
