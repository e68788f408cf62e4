package org.vigil.core.events;

import org.vigil.core.hooks.HookRunner;
import org.vigil.core.store.EventStore;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What every camera's events share: the event database, the hooks, where files go, the ffmpeg that encodes movies
 * (empty when the system has none), the time zone that names files and folders, and what a recorder calls before
 * it starts a file (retention runs at once when the disk is below its minimum free space).
 */
public record EventServices(EventStore store, HookRunner hooks, Path targetDir, Optional<String> ffmpeg, ZoneId zone,
                            Runnable beforeNewFile) {
}
