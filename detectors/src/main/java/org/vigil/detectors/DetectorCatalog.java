package org.vigil.detectors;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The detectors on the class path, found through {@link ServiceLoader}. */
public final class DetectorCatalog {

    private final List<DetectorProvider> providers;

    private DetectorCatalog(List<DetectorProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public static DetectorCatalog load() {
        List<DetectorProvider> found = new ArrayList<>();
        ServiceLoader.load(DetectorProvider.class).forEach(found::add);
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return new DetectorCatalog(found);
    }

    public List<DetectorProvider> providers() {
        return providers;
    }

    public DetectorProvider provider(String name) {
        for (DetectorProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new DetectorSetupException("no detector named '" + name + "': available detectors are "
                + String.join(", ", providers.stream().map(DetectorProvider::name).toList()));
    }
}
