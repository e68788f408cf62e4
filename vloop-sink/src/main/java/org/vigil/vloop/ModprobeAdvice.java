package org.vigil.vloop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The modprobe line that creates the pipes a user is missing, naming devices, video_nr, card_label and exclusive_caps. */
final class ModprobeAdvice {
    /** Well above the numbers cameras take, as the v4l2loopback documentation suggests. */
    private static final int FIRST_PIPE_NUMBER = 10;

    private ModprobeAdvice() {
    }

    /**
     * @param pipes      the loopback nodes there are (empty when the module is not loaded)
     * @param usedNumbers the N of every /dev/videoN, so the new pipe's number is free
     * @param exclusive  the module's exclusive_caps array as loaded
     * @param label      the card label the new pipe should carry
     */
    static String forAnotherPipe(List<PipeStatus> pipes, Set<Integer> usedNumbers, List<Boolean> exclusive,
                                 String label, boolean moduleLoaded) {
        if (!moduleLoaded) {
            return "load v4l2loopback (Debian: apt install v4l2loopback-dkms): `sudo modprobe v4l2loopback devices=1 "
                    + "video_nr=" + freeNumber(usedNumbers) + " card_label=" + label + " exclusive_caps=1` "
                    + "(exclusive_caps=1 lets browsers see the pipe once vigil writes to it)";
        }
        List<String> numbers = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        for (int i = 0; i < pipes.size(); i++) {
            PipeStatus pipe = pipes.get(i);
            numbers.add(Integer.toString(number(pipe.device())));
            labels.add(pipe.label().replace(',', ' '));
            caps.add(i < exclusive.size() && exclusive.get(i) ? "1" : "0");
        }
        numbers.add(Integer.toString(freeNumber(usedNumbers)));
        labels.add(label);
        caps.add("1");
        return "add a pipe by reloading v4l2loopback with one more device once its current users have stopped: "
                + "`sudo modprobe -r v4l2loopback && sudo modprobe v4l2loopback devices=" + numbers.size()
                + " video_nr=" + String.join(",", numbers) + " card_label=" + quoteIfNeeded(String.join(",", labels))
                + " exclusive_caps=" + String.join(",", caps) + "`";
    }

    private static int freeNumber(Set<Integer> used) {
        int n = FIRST_PIPE_NUMBER;
        while (used.contains(n)) {
            n++;
        }
        return n;
    }

    static int number(Path device) {
        String name = device.getFileName().toString();
        try {
            return Integer.parseInt(name.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Set<Integer> numbers(List<Path> devices) {
        Set<Integer> used = new TreeSet<>();
        for (Path device : devices) {
            used.add(number(device));
        }
        return used;
    }

    private static String quoteIfNeeded(String value) {
        return value.contains(" ") ? "\"" + value + "\"" : value;
    }
}
