package org.vigil.core.demo;

import java.nio.file.Path;

/** The two files the demo writes: the daemon's config, and the script that runs in the rig. */
final class DemoFiles {
    private DemoFiles() {
    }

    /** Two cameras, each with an annotated pipe: one found by its card name, one by its node. */
    static String config() {
        return """
                # Written by `vigil demo`: the two cameras of the real-kernel rig.
                status-interval: 10          # a status line per camera every 10 s (default 60)
                fps: 10                      # frames per second asked of each camera
                detection-fps: 5             # detections per second
                target-dir: .                # events.db, and CAMERA/DATE/ with each event's snapshot and movie, here
                detector:
                  absorb-time: 2             # what stops moving is background after 2 s (default 10)
                events:
                  event-gap: 4               # 4 s without motion end an event (default 30)
                  pre-capture: 2             # each movie starts 2 s before the first motion
                  post-capture: 2            # and ends 2 s after the last
                cameras:
                  street:
                    # a v4l2loopback node that ffmpeg feeds with opencv-doc's vtest.avi, found by its card label
                    device: {card: street-camera}
                    size: 768x576
                    loopback:
                      pipe: label:street     # the annotated feed: /dev/video11
                  vivid:
                    # the kernel's virtual camera: a ten-pixel cross moving to the right, its changing text off
                    device: /dev/video0
                    size: 640x480
                    controls:
                      test_pattern: 19
                      horizontal_movement: 5
                      osd_text_mode: 2
                    loopback:
                      pipe: label:vivid      # the annotated feed: /dev/video12
                """;
    }

    /**
     * The run inside the guest. Progress lines ("demo: ...") go to the console; everything else to guest.log.
     *
     * @param launcher the command that starts vigil (its bin/vigil, or java with the demo's class path)
     */
    static String guestScript(Path out, Path footage, String launcher, int seconds) {
        return """
                #!/bin/sh
                # Written by `vigil demo`; runs inside the real-kernel rig.
                out=%1$s
                exec 3>&1 >"$out/guest.log" 2>&1
                say() { echo "demo: $*" >&3; echo "demo: $*"; }
                ffmpeg -nostdin -v error -re -stream_loop -1 -i %2$s -pix_fmt yuyv422 -f v4l2 /dev/video10 &
                feeder=$!
                # The guest's CPUs are emulated: the JVM compiles with C1 only (see kernel/rig in the README).
                VIGIL_JAVA_OPTS=-XX:TieredStopAtLevel=1 %3$s run -c "$out/vigil.yml" >"$out/vigil.log" 2>&1 &
                vigil=$!
                say "ffmpeg plays vtest.avi into /dev/video10 (pid $feeder); vigil runs (pid $vigil), log in vigil.log"
                waited=0
                until grep -q 'camera street: feed pipe up' "$out/vigil.log" && grep -q 'camera vivid: feed pipe up' "$out/vigil.log"; do
                  if ! kill -0 $vigil 2>/dev/null; then say "vigil ended before its pipes were up; see vigil.log"; kill $feeder; exit 1; fi
                  if [ $waited -ge 300 ]; then say "the pipes were not up after 300 s; see vigil.log"; kill $vigil $feeder; exit 1; fi
                  sleep 1
                  waited=$((waited + 1))
                done
                say "both annotated pipes up after $waited s (most of it loading OpenCV under emulation); recording %4$d s of each"
                # vivid's cross stops for 8 s in the middle and moves again: one event ends, the next begins
                ( sleep %5$d; v4l2-ctl -d /dev/video0 -c horizontal_movement=3; sleep 8; v4l2-ctl -d /dev/video0 -c horizontal_movement=5 ) &
                ffmpeg -nostdin -v error -f v4l2 -input_format yuyv422 -i /dev/video11 -t %4$d -c:v libx264 -preset ultrafast \\
                  -pix_fmt yuv420p -movflags +faststart -y "$out/street.mp4" &
                street=$!
                ffmpeg -nostdin -v error -f v4l2 -input_format yuyv422 -i /dev/video12 -t %4$d -c:v libx264 -preset ultrafast \\
                  -pix_fmt yuv420p -movflags +faststart -y "$out/vivid.mp4" &
                vivid=$!
                wait $street; recorded_street=$?
                wait $vivid; recorded_vivid=$?
                grep 'INFO  camera .*: streaming .*last' "$out/vigil.log" | tail -n 2 | sed 's/^.* INFO  /demo: /' >&3
                say "recorded (ffmpeg exit $recorded_street, $recorded_vivid); stopping vigil with SIGTERM"
                kill -TERM $vigil
                wait $vigil; stopped=$?
                kill $feeder 2>/dev/null
                wait $feeder 2>/dev/null
                say "vigil exited with status $stopped"
                [ $stopped -eq 0 ] && [ $recorded_street -eq 0 ] && [ $recorded_vivid -eq 0 ]
                """.formatted(quote(out.toString()), quote(footage.toString()), launcher, seconds,
                Math.max(2, (seconds - 8) / 2));
    }

    /** A word for sh: single-quoted. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
