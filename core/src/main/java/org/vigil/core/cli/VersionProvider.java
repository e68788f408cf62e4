package org.vigil.core.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (the build writes it), or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Vigil.class.getPackage().getImplementationVersion();
        return new String[] {"vigil " + (version == null ? "development" : version)};
    }
}
