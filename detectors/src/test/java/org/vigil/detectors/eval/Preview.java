package org.vigil.detectors.eval;

import java.nio.file.Path;

/** Writes chosen frames of chosen scenarios as PNG files, to look at what the evaluation feeds the detectors. */
public final class Preview {

    private Preview() {
    }

    /** Preview FOOTAGE_DIR OUT_DIR SCENARIO FRAME... */
    public static void main(String[] args) {
        Footage footage = new Footage(Path.of(args[0]));
        SceneAssets assets = SceneAssets.build(footage);
        for (Scenario s : EvaluationSet.standard(footage, assets, 1)) {
            if (!s.name().equals(args[2])) {
                continue;
            }
            byte[] frame = new byte[s.width() * s.height()];
            int next = 3;
            for (int i = 0; i < s.frames() && next < args.length; i++) {
                FrameTruth truth = s.render(i, frame);
                if (i == Integer.parseInt(args[next])) {
                    SceneAssets.writePng(Path.of(args[1], s.name() + "-" + i + ".png").toString(), frame, s.width(), s.height());
                    System.out.println(s.name() + " " + i + " " + truth);
                    next++;
                }
            }
        }
    }
}
