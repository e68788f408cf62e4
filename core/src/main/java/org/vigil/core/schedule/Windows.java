package org.vigil.core.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Overlapping windows of one camera and kind become one: two recording windows never fight over a camera. */
public final class Windows {
    private Windows() {
    }

    /** The union of {@code windows}, as the fewest windows, in order; touching windows join too. */
    public static List<Window> merge(List<Window> windows) {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(Window::start));
        List<Window> merged = new ArrayList<>();
        for (Window window : sorted) {
            if (!merged.isEmpty() && !window.start().isAfter(merged.get(merged.size() - 1).end())) {
                Window last = merged.remove(merged.size() - 1);
                merged.add(new Window(last.start(), window.end().isAfter(last.end()) ? window.end() : last.end()));
            } else {
                merged.add(window);
            }
        }
        return merged;
    }
}
