package org.vigil.core.rig;

import org.vigil.kernel.testing.ExternalCommand;

import java.nio.file.Path;
import java.util.List;

/** The real clients the event tests ask: the sqlite3 CLI, ffprobe, v4l2-ctl. */
final class RigClients {
    private RigClients() {
    }

    /** What the sqlite3 CLI prints for a query, trimmed ('|' between columns, a line per row). */
    static String sql(Path db, String query) throws Exception {
        return ExternalCommand.run(List.of("sqlite3", db.toString(), query)).strip();
    }

    /**
     * The frames ffprobe decodes from a movie's video stream, counted (a fragmented MP4's header has no length). A
     * movie cut short ends in a broken fragment, which ffprobe reports and skips: only what decodes is counted.
     */
    static long frames(Path movie) throws Exception {
        String out = ExternalCommand.run(List.of("ffprobe", "-v", "quiet", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", movie.toString())).strip();
        return Long.parseLong(out);
    }

    /** ffprobe's entries for the first video stream, comma-separated: "stream=codec_name,width,height". */
    static String probe(Path file, String entries) throws Exception {
        return ExternalCommand.run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                entries, "-of", "csv=p=0", file.toString())).strip().replace("\n", ",");
    }

    /** Sets a control on a camera while something else streams from it (v4l2-ctl -c NAME=VALUE). */
    static void control(Path node, String setting) throws Exception {
        ExternalCommand.run(List.of("v4l2-ctl", "-d", node.toString(), "-c", setting));
    }
}
